/** A minimal external store: what `useSyncExternalStore` needs, and nothing of React. */
export interface ReadableStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

export function createState<S>(initial: S) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next: S) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** Milliseconds left on a countdown that had `remainingMs` when it arrived at local `receivedAt`. */
export function deadlineFrom(remainingMs: number | null, receivedAt: number): number | null {
  return remainingMs === null ? null : receivedAt + remainingMs;
}

export function timeLeft(deadline: number | null, now: number): number | null {
  return deadline === null ? null : Math.max(0, deadline - now);
}
