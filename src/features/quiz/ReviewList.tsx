import { Prompt } from '../../components/Prompt';
import type { Question, QuestionId } from '../../domain/bank-schema';
import type { AnswerRecord } from '../../domain/quiz-session';
import { Explanation } from '../../components/Explanation';

/** Every answered question with the learner's pick, the right answer and the explanation. */
export function ReviewList({
  answers,
  questions,
}: {
  answers: readonly AnswerRecord[];
  questions: ReadonlyMap<QuestionId, Question>;
}) {
  if (answers.length === 0) return <p>Nothing to show: no mistakes in this quiz.</p>;
  return (
    <ol className="review-list" aria-label="Reviewed questions">
      {answers.map((a) => {
        const q = questions.get(a.questionId);
        return (
          <li
            key={a.questionId}
            id={`review-${a.questionId}`}
            className={a.correct ? 'right' : 'wrong'}
          >
            {q ? <Prompt source={q.prompt} /> : <p>(This question is no longer in the bank.)</p>}
            <p className="review-answer">
              <span className={a.correct ? 'ok' : 'not-ok'}>{a.correct ? 'Right' : 'Wrong'}:</span>{' '}
              you chose <strong>{a.choice ?? 'nothing (time ran out)'}</strong>
              {!a.correct && (
                <>
                  ; the answer is <strong>{a.answer}</strong>
                </>
              )}
              {a.confidence && <> · you were {a.confidence === 'sure' ? 'sure' : 'guessing'}</>}
            </p>
            {q && <Explanation question={q} choice={a.choice} headingLevel={3} />}
          </li>
        );
      })}
    </ol>
  );
}
