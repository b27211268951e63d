import { useState } from 'react';
import type { Question, QuestionId } from '../../domain/bank-schema';
import { formatDuration } from '../../domain/format';
import type { QuizResult } from '../../domain/progress-schema';
import { mostConfusedPair, scoreAnswers } from '../../domain/quiz-score';
import { PageHeading } from '../../components/PageHeading';
import { Choice } from '../../components/Choice';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';
import { CopyLinkButton } from './CopyLinkButton';
import { ReviewList } from './ReviewList';
import { TypeAccuracyTable } from '../../components/TypeAccuracyTable';

interface Props {
  result: QuizResult;
  questions: ReadonlyMap<QuestionId, Question>;
  /** A link that rebuilds this quiz, when it can be rebuilt from settings and seed. */
  link: string | null;
  onRetryMistakes: () => void;
  onNewQuiz: () => void;
}

async function downloadCsv(result: QuizResult, questions: ReadonlyMap<QuestionId, Question>) {
  // The CSV writer loads only when someone downloads.
  const { downloadQuizResultCsv } = await import('../../lib/quiz-export');
  downloadQuizResultCsv(result, questions, isoDay(result.finishedAt));
}

/** "2025-03-14" in local time, for the file name. */
function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function QuizResults({ result, questions, link, onRetryMistakes, onNewQuiz }: Props) {
  const score = scoreAnswers(result.answers);
  const confused = mostConfusedPair(score.confusion);
  const mistakes = score.total - score.correct;
  const [filter, setFilter] = useState<'all' | 'mistakes'>('all');

  return (
    <section className="quiz-results">
      <PageHeading title="Quiz results" focusOnMount>
        Results
      </PageHeading>
      <div className="score-card">
        <p className="score">
          You scored {score.correct} of {score.total}
        </p>
        <p className="score-detail">
          {score.percent}% correct · time taken{' '}
          {formatDuration(result.finishedAt - result.startedAt)}
          {score.unanswered > 0 && ` · ${score.unanswered} unanswered when time ran out`}
        </p>
        {result.kind === 'retry' && <p className="hint">This was a retry of earlier mistakes.</p>}
        {result.kind === 'practice' && (
          <p className="hint">This was practice weighted to your weak spots.</p>
        )}
        {result.team && (
          <p className="hint">
            These were your answers in team session {result.team.code}, as {result.team.name}.
          </p>
        )}
      </div>

      <div className="actions">
        {mistakes > 0 && (
          <button type="button" className="button" onClick={onRetryMistakes}>
            Retry mistakes
          </button>
        )}
        <button
          type="button"
          className={mistakes > 0 ? 'button secondary' : 'button'}
          onClick={onNewQuiz}
        >
          New quiz
        </button>
        {link && <CopyLinkButton url={link} />}
        <button
          type="button"
          className="button secondary"
          onClick={() => void downloadCsv(result, questions)}
        >
          Download results (CSV)
        </button>
      </div>

      {result.settings.confidence && (
        <section aria-labelledby="misconceptions">
          <h2 id="misconceptions">Misconceptions to fix first</h2>
          {score.sureButWrong.length === 0 ? (
            <p>None: every answer you were sure of was right.</p>
          ) : (
            <>
              <p>
                You were sure but wrong on {score.sureButWrong.length} question
                {score.sureButWrong.length === 1 ? '' : 's'}. These are beliefs to unlearn, not
                gaps:
              </p>
              <ul>
                {score.sureButWrong.map((a) => (
                  <li key={a.questionId}>
                    You chose <strong>{a.choice}</strong> where <strong>{a.answer}</strong> was
                    right (<a href={`#review-${a.questionId}`}>see question</a>)
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="by-type">
        <h2 id="by-type">How you did on each type</h2>
        <TypeAccuracyTable perType={score.perType} caption="Accuracy by type" />
      </section>

      <section aria-labelledby="confusions">
        <h2 id="confusions">What you chose when another type was right</h2>
        <ConfusionMatrix confusion={score.confusion} showNone={score.unanswered > 0} />
        <p>
          {confused
            ? `Most common mix-up: you chose ${confused.chosen} when ${confused.answer} was right (${confused.count}×).`
            : 'No mix-ups between types in this quiz.'}
        </p>
      </section>

      <section aria-labelledby="review">
        <h2 id="review">Review</h2>
        <fieldset className="review-filter">
          <legend>Show</legend>
          <Choice
            type="radio"
            name="review-filter"
            checked={filter === 'all'}
            onChange={() => setFilter('all')}
          >
            All questions ({score.total})
          </Choice>
          <Choice
            type="radio"
            name="review-filter"
            checked={filter === 'mistakes'}
            onChange={() => setFilter('mistakes')}
          >
            Only mistakes ({mistakes})
          </Choice>
        </fieldset>
        <ReviewList
          answers={filter === 'all' ? result.answers : result.answers.filter((a) => !a.correct)}
          questions={questions}
        />
      </section>
    </section>
  );
}
