import { useLayoutEffect, useRef } from 'react';
import type { Question } from '../../domain/bank-schema';
import type { AnswerRecord } from '../../domain/quiz-session';
import { SERVICE_TYPES } from '../../domain/service-types';
import { RichText } from '../../components/RichText';
import { References } from '../../components/References';

export function verdict(answer: AnswerRecord): string {
  if (answer.correct) return 'Correct';
  if (answer.choice === null) return `Incorrect — time ran out. The answer is ${answer.answer}`;
  return `Incorrect — the answer is ${answer.answer}`;
}

/** The verdict, the explanation, why the pick was wrong, and where the docs say so. Takes focus. */
export function Feedback({ answer, question }: { answer: AnswerRecord; question: Question }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus as the feedback appears, before paint, so the next key press already acts from here.
  useLayoutEffect(() => ref.current?.focus(), []);
  const whyChosenWrong =
    !answer.correct && answer.choice ? question.whyNot?.[answer.choice] : undefined;
  const others = SERVICE_TYPES.filter(
    (t) => t !== answer.answer && t !== answer.choice && question.whyNot?.[t],
  );

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className={`feedback ${answer.correct ? 'feedback-right' : 'feedback-wrong'}`}
    >
      <p className="verdict">
        <strong>{verdict(answer)}</strong>
        {answer.confidence === 'sure' && !answer.correct && (
          <span className="tag-sure"> (you were sure)</span>
        )}
      </p>
      {question.explanation && <RichText source={question.explanation} />}
      {whyChosenWrong && (
        <div className="why-not-chosen">
          <h3>Why not {answer.choice}?</h3>
          <RichText source={whyChosenWrong} />
        </div>
      )}
      {others.length > 0 && (
        <details className="why-not-others">
          <summary>Why not the other types</summary>
          <dl>
            {others.map((type) => (
              <div key={type}>
                <dt>{type}</dt>
                <dd>
                  <RichText source={question.whyNot?.[type] ?? ''} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <References references={question.references} />
    </div>
  );
}
