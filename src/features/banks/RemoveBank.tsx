import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

export interface RemoveChoice {
  /** Also delete the bank's history, reviews and unfinished quiz (a backup is taken first). */
  progress: boolean;
}

type Counts = { quizResults: number; reviewLogs: number };

interface Props {
  title: string;
  progress: () => Promise<Counts>;
  onCancel: () => void;
  onRemove: (choice: RemoveChoice) => void;
}

/** Asks before a bank is removed; its progress stays unless the learner ticks the box. */
export function RemoveBank({ title, progress, onCancel, onRemove }: Props) {
  const id = useId();
  const [alsoProgress, setAlsoProgress] = useState(false);
  // null while counting; 'unknown' when the progress could not be read (the choice stays open).
  const [counts, setCounts] = useState<Counts | 'unknown' | null>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  const latest = useRef(progress);
  useLayoutEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    latest.current().then(
      (c) => live && setCounts(c),
      () => live && setCounts('unknown'),
    );
    return () => {
      live = false;
    };
  }, []);
  const none =
    counts !== null && counts !== 'unknown' && counts.quizResults + counts.reviewLogs === 0;

  return (
    <div className="remove-bank" role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`} ref={heading} tabIndex={-1}>
        <strong>Remove “{title}” from this browser?</strong> You can load it again later.
      </p>
      {!none && (
        <label className="choice">
          <input
            type="checkbox"
            checked={alsoProgress}
            onChange={(e) => setAlsoProgress(e.target.checked)}
          />
          <span>
            Also remove my progress in it
            {counts === 'unknown'
              ? ' (how much there is could not be read)'
              : counts &&
                ` (${plural(counts.quizResults, 'quiz result')}, ${plural(counts.reviewLogs, 'flashcard review')})`}
            . A backup is taken first.
          </span>
        </label>
      )}
      <p className="hint">
        {alsoProgress
          ? 'Its history, flashcard schedule and unfinished quiz go too.'
          : 'Your progress in it is kept: load the bank again and carry on where you left off.'}
      </p>
      <p className="actions">
        <button
          type="button"
          className="button small"
          onClick={() => onRemove({ progress: alsoProgress })}
        >
          {alsoProgress ? 'Remove bank and progress' : 'Remove bank'}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
