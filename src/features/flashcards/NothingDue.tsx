import { Link } from 'react-router';
import type { Queue } from '../../domain/flashcard-queue';

interface Props {
  queue: Queue;
  dailyNewLimit: number;
  filtered: boolean;
  onStudyAhead: () => void;
  onClearFilters: () => void;
}

/** What to do when nothing is due: study ahead, or run a quiz. */
export function NothingDue({
  queue,
  dailyNewLimit,
  filtered,
  onStudyAhead,
  onClearFilters,
}: Props) {
  const canStudyAhead = queue.matching > 0;
  return (
    <section className="nothing-due" aria-labelledby="nothing-due-heading">
      <h2 id="nothing-due-heading">
        {queue.matching === 0 ? 'No cards match' : 'You are done for now'}
      </h2>
      {queue.matching === 0 ? (
        <p>No question in the bank matches these filters.</p>
      ) : (
        <p>
          Every card due is reviewed.
          {queue.newWaiting > 0 &&
            ` You have met today’s limit of ${dailyNewLimit} new card${dailyNewLimit === 1 ? '' : 's'}; ${queue.newWaiting} more wait for the coming days.`}{' '}
          Studying ahead shows cards before they are due, which helps less than reviewing them on
          time.
        </p>
      )}
      <div className="actions">
        {canStudyAhead && (
          <button type="button" className="button" onClick={onStudyAhead}>
            Study ahead
          </button>
        )}
        {filtered && (
          <button type="button" className="button secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        )}
        <Link to="/quiz" className="button secondary">
          Run a quiz
        </Link>
      </div>
    </section>
  );
}
