import type { SessionSettings } from './live-protocol';

/**
 * Points for one answer.
 *
 * - A wrong answer, or none, scores 0.
 * - `accuracy`: a right answer scores {@link POINTS_PER_RIGHT} (1,000).
 * - `speed`: a right answer scores 1,000 plus a bonus that falls linearly from `bonusMax` (answered
 *   at once) to 0 (answered as time ran out):
 *
 *       bonus    = round(bonusMax × max(0, 1 − timeMs / windowMs))
 *       bonusMax = min(500, floor(999 / questionsInSession))
 *
 *   `windowMs` is the question's time limit, or 30 s when the host reveals (untimed).
 *
 * Accuracy dominates: over a whole session the bonuses add up to at most 999, less than one right
 * answer, so someone with more right answers always has more points. Speed only orders people who
 * got the same number right, which is the opposite of the peers that rank by speed alone.
 */
export const POINTS_PER_RIGHT = 1000;
export const MAX_SPEED_BONUS = 500;
/** The speed window when the host reveals by hand: answering within it still earns a bonus. */
export const UNTIMED_SPEED_WINDOW_MS = 30_000;

export function speedBonusMax(questionsInSession: number): number {
  return Math.min(MAX_SPEED_BONUS, Math.floor(999 / Math.max(1, questionsInSession)));
}

export function pointsFor(
  correct: boolean,
  timeMs: number,
  settings: Pick<SessionSettings, 'scoring' | 'secondsPerQuestion'>,
  questionsInSession: number,
): number {
  if (!correct) return 0;
  if (settings.scoring === 'accuracy') return POINTS_PER_RIGHT;
  const windowMs =
    settings.secondsPerQuestion === null
      ? UNTIMED_SPEED_WINDOW_MS
      : settings.secondsPerQuestion * 1000;
  const left = Math.max(0, 1 - Math.max(0, timeMs) / windowMs);
  return POINTS_PER_RIGHT + Math.round(speedBonusMax(questionsInSession) * left);
}

export interface Ranked {
  id: string;
  points: number;
  /** Join order: the stable tie-break between equal points. */
  seq: number;
}

/**
 * Orders by points (high first), then by join order, which never changes, so equal scores keep
 * their places from one reveal to the next. Equal points share a rank ("1, 2, 2, 4").
 */
export function rank<T extends Ranked>(
  items: Iterable<T>,
): { order: T[]; rankOf: Map<string, number> } {
  const order = [...items].sort((a, b) => b.points - a.points || a.seq - b.seq);
  const rankOf = new Map<string, number>();
  order.forEach((item, i) => {
    const previous = order[i - 1];
    rankOf.set(
      item.id,
      previous && previous.points === item.points ? (rankOf.get(previous.id) as number) : i + 1,
    );
  });
  return { order, rankOf };
}
