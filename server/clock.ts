/**
 * Time for the server, passed in so tests can move it by hand: the timers that reveal a question
 * and expire an idle session are tested without waiting for real time.
 */
export type TimerHandle = { readonly timer: unknown };

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  setInterval(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timeout or an interval. */
  clear(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => ({ timer: setTimeout(callback, ms) }),
  setInterval: (callback, ms) => ({ timer: setInterval(callback, ms) }),
  clear: (handle) => clearTimeout(handle.timer as NodeJS.Timeout),
};
