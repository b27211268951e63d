import { useEffect, useState } from 'react';
import { formatClock } from '../../domain/format';

interface Props {
  /** Local time the question closes; null when untimed. */
  deadline: number | null;
  now: () => number;
  /** Shown instead of a clock in an untimed session. */
  untimedText: string;
}

/**
 * The time left, counted from the local receipt time of the server's `remainingMs`, so a device
 * whose clock is wrong still counts down correctly. Screen readers hear it twice at most: at ten
 * seconds left and when time is up, not every second.
 */
export function Countdown({ deadline, now, untimedText }: Props) {
  const [, setFrame] = useState(0);
  const left = deadline === null ? null : Math.max(0, deadline - now());
  const running = left !== null && left > 0;
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setFrame((f) => f + 1), 250);
    return () => window.clearInterval(id);
  }, [running, deadline]);

  if (left === null) return <p className="countdown untimed">{untimedText}</p>;
  const low = left <= 10_000;
  return (
    <p className={`countdown${low ? ' low' : ''}`}>
      <span className="visually-hidden">Time left: </span>
      <span role="timer" aria-label="Time left">
        {formatClock(left)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {left === 0 ? 'Time is up.' : low ? '10 seconds left.' : ''}
      </span>
    </p>
  );
}
