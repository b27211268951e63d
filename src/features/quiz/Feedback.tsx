import { useLayoutEffect, useRef } from 'react';
import type { Question } from '../../domain/bank-schema';
import type { AnswerRecord } from '../../domain/quiz-session';
import { Explanation } from '../../components/Explanation';

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
      <Explanation question={question} choice={answer.choice} headingLevel={3} />
    </div>
  );
}
