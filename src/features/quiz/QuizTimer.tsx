import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../../domain/format';

interface Props {
  timeLeft: () => number;
  paused: boolean;
  onTick: () => void;
  onPause: () => void;
  onResume: () => void;
}

/** The per-question countdown with a pause button; the reducer decides when time is up. */
export function QuizTimer({ timeLeft, paused, onTick, onPause, onResume }: Props) {
  const [, setFrame] = useState(0);
  const tick = useRef(onTick);
  useEffect(() => {
    tick.current = onTick;
  });
  useEffect(() => {
    if (paused) return;
    const id = window.setInterval(() => {
      setFrame((f) => f + 1);
      tick.current();
    }, 250);
    return () => window.clearInterval(id);
  }, [paused]);

  const left = timeLeft();
  const low = left <= 10_000;
  return (
    <div className={`quiz-timer${low ? ' low' : ''}`}>
      <span role="timer" aria-label="Time left for this question">
        {formatClock(left)}
      </span>
      {/* Announced once, not every second. */}
      <span className="visually-hidden" aria-live="assertive">
        {low && !paused ? '10 seconds left' : ''}
      </span>
      <button
        type="button"
        className="button secondary small"
        onClick={paused ? onResume : onPause}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
    </div>
  );
}
