import type { Ref } from 'react';
import type { Question } from '../../domain/bank-schema';
import type { ServiceType } from '../../domain/service-types';
import { Explanation } from '../../components/Explanation';

interface Props {
  question: Question;
  /** The type picked in choose-first mode, or null. */
  choice: ServiceType | null;
  ref?: Ref<HTMLElement>;
}

/** The back of a card: the right type, why, why not the pick, and where the docs say so. */
export function CardBack({ question, choice, ref }: Props) {
  const right = choice === question.answer;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`flashcard-back${choice === null ? '' : right ? ' feedback-right' : ' feedback-wrong'}`}
      aria-labelledby="flashcard-answer"
    >
      {choice !== null && (
        <p className="verdict" id="flashcard-verdict">
          <strong>{right ? 'Correct' : `Incorrect — you picked ${choice}`}</strong>
        </p>
      )}
      <h3 id="flashcard-answer" className="flashcard-answer">
        Answer: <span className="answer-type">{question.answer}</span>
      </h3>
      <Explanation question={question} choice={choice} headingLevel={4} />
    </section>
  );
}
