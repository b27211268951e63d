import { Link } from 'react-router';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDuration } from '../../domain/format';
import type { Mastery } from '../../domain/mastery';
import type { QuizResult } from '../../domain/progress-schema';
import { scoreAnswers } from '../../domain/quiz-score';
import { AccuracyChart } from './AccuracyChart';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const KIND: Record<QuizResult['kind'], string> = {
  new: 'Quiz',
  retry: 'Retry of mistakes',
  practice: 'Weak-spot practice',
  team: 'Team session',
};

interface Props {
  results: QuizResult[];
  mastery: Mastery;
  /** Whether these results are the active bank's, which the quiz page can show again. */
  reviewable: boolean;
}

export function HistorySection({ results, mastery, reviewable }: Props) {
  const newestFirst = [...results].sort((a, b) => b.finishedAt - a.finishedAt);
  return (
    <section aria-labelledby="history">
      <h2 id="history">Quiz history</h2>
      <AccuracyChart points={mastery.overTime} />
      <ScrollTable caption="Quiz history, newest first" hideCaption className="history-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Kind</th>
            <th scope="col">Bank</th>
            <th scope="col">Duration</th>
            <th scope="col">
              <span className="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((r) => {
            const score = scoreAnswers(r.answers);
            return (
              <tr key={r.quizId}>
                <td>{dateFormat.format(r.finishedAt)}</td>
                <td>
                  {score.correct} of {score.total} ({score.percent}%)
                </td>
                <td>
                  {KIND[r.kind]}
                  {r.team && <span className="hint"> {r.team.code}</span>}
                </td>
                <td>{r.bankTitle}</td>
                <td>{formatDuration(r.finishedAt - r.startedAt)}</td>
                <td>
                  {reviewable && (
                    <Link to={`/quiz?result=${encodeURIComponent(r.quizId)}`}>
                      Review
                      <span className="visually-hidden">
                        {' '}
                        the {r.kind === 'team' ? 'team session' : 'quiz'} of{' '}
                        {dateFormat.format(r.finishedAt)}
                      </span>
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}
