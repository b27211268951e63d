import { useId, type Ref } from 'react';
import {
  describeInterval,
  formatInterval,
  RATING_NAMES,
  RATINGS,
  type RatingPreview,
} from '../../domain/flashcards';
import type { Rating } from '../../domain/progress-schema';

interface Props {
  preview: Record<Rating, RatingPreview>;
  /** The rating a choose-first pick suggests; it is marked and takes focus. */
  suggested: Rating | null;
  suggestedRef: Ref<HTMLButtonElement>;
  onRate: (rating: Rating) => void;
}

/**
 * Again, Hard, Good, Easy, each with the interval it would give. A button's name is just the rating
 * (the interval is its description), so "Good" finds it and a screen reader still hears "3 days".
 */
export function RatingButtons({ preview, suggested, suggestedRef, onRate }: Props) {
  const id = useId();
  return (
    <div className="rating-row">
      <div className="rating-grid" role="group" aria-label="How well did you know it?">
        {RATINGS.map((rating) => {
          const name = RATING_NAMES[rating];
          const isSuggested = rating === suggested;
          return (
            <button
              key={rating}
              ref={isSuggested ? suggestedRef : undefined}
              type="button"
              className={`rating-button rating-${name.toLowerCase()}${isSuggested ? ' suggested' : ''}`}
              aria-keyshortcuts={String(rating)}
              aria-describedby={
                // The suggested rating takes focus after a pick: it also reads out the verdict.
                isSuggested
                  ? `flashcard-verdict flashcard-answer ${id}-${rating}`
                  : `${id}-${rating}`
              }
              onClick={() => onRate(rating)}
            >
              <span className="key-hint" aria-hidden="true">
                {rating}
              </span>
              {name}
              {/* Reads "Good · 10m" as text too, not only on screen. */}
              <span className="rating-interval" aria-hidden="true">
                {` · ${formatInterval(preview[rating].intervalMs)}`}
              </span>
            </button>
          );
        })}
      </div>
      {RATINGS.map((rating) => (
        <span key={rating} id={`${id}-${rating}`} hidden>
          {rating === suggested ? 'Suggested. ' : ''}Next review in{' '}
          {describeInterval(preview[rating].intervalMs)}.
        </span>
      ))}
      {suggested !== null && (
        <p className="hint">
          Suggested: <strong>{RATING_NAMES[suggested]}</strong>. Press Enter to confirm, or choose
          another rating.
        </p>
      )}
    </div>
  );
}
