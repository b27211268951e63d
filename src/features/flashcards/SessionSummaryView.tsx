import { formatDuration } from '../../domain/format';
import type { SessionSummary } from '../../domain/flashcard-session';

/** Cards reviewed, the share of Again, time spent, and tomorrow's load. */
export function SessionSummaryView({ summary }: { summary: SessionSummary }) {
  const { reviewed, cards, again, againRate, timeMs, tomorrow } = summary;
  return (
    <section className="session-summary" aria-labelledby="session-summary-heading">
      <h2 id="session-summary-heading">Session summary</h2>
      <dl className="summary-list">
        <div>
          <dt>Reviewed</dt>
          <dd>
            {reviewed} review{reviewed === 1 ? '' : 's'} of {cards} card{cards === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Again</dt>
          <dd>
            {again} ({Math.round(againRate * 100)}%)
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatDuration(timeMs)}</dd>
        </div>
        <div>
          <dt>Due tomorrow</dt>
          <dd>
            {tomorrow.due} card{tomorrow.due === 1 ? '' : 's'}
            {tomorrow.new > 0 && `, and up to ${tomorrow.new} new`}
          </dd>
        </div>
      </dl>
    </section>
  );
}
