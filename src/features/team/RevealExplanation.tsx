import { Explanation } from '../../components/Explanation';
import type { Question } from '../../domain/bank-schema';
import type { Reveal } from '../../domain/live-protocol';
import type { ServiceType } from '../../domain/service-types';

/** The shared explanation (bank Markdown as React elements, never HTML) for a revealed question. */
export function RevealExplanation({
  reveal,
  choice,
}: {
  reveal: Reveal;
  choice: ServiceType | null;
}) {
  const question: Question = {
    id: reveal.questionId,
    prompt: reveal.prompt,
    answer: reveal.answer,
    explanation: reveal.explanation ?? undefined,
    whyNot: reveal.whyNot,
    references: reveal.references,
  };
  return (
    <div className="reveal-explanation">
      <Explanation question={question} choice={choice} headingLevel={3} />
    </div>
  );
}
