import type { Calendar } from '../../domain/calendar';
import type { Queue } from '../../domain/flashcard-queue';
import { describeWhen } from './when';

/** "12 due" with what they are, or "Nothing due" with when the next card is. */
export function DueCount({
  queue,
  now,
  calendar,
  ahead,
}: {
  queue: Queue;
  now: number;
  calendar: Calendar;
  ahead: boolean;
}) {
  const { counts } = queue;
  return (
    <div className="due-count">
      {queue.due > 0 ? (
        <>
          <p className="due-number">{queue.due} due</p>
          <p className="due-breakdown">
            {counts.learning} learning · {counts.review} to review · {counts.new} new
          </p>
        </>
      ) : (
        <>
          <p className="due-number">Nothing due</p>
          <p className="due-breakdown">
            {ahead
              ? 'Studying ahead: these cards are not due yet.'
              : queue.nextDueAt !== null
                ? `Next card due ${describeWhen(queue.nextDueAt, now, calendar)}.`
                : queue.matching === 0
                  ? 'No cards match these filters.'
                  : 'Every card is scheduled.'}
          </p>
        </>
      )}
    </div>
  );
}
