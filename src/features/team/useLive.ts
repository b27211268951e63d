import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ReadableStore } from '../../lib/live-store';

/** A live store's state, kept in step by `useSyncExternalStore`. */
export function useStoreState<S>(store: ReadableStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

export interface Wakeable {
  stop(): void;
  reconnectNow(): void;
  restart(): void;
}

/** After this long in the background, a socket that looks open is replaced: it may be dead. */
const ASLEEP_MS = 15_000;

/**
 * A live client for as long as the component shows `key`: created (and started) by `create`,
 * stopped on the way out. When the device is back online, or the page is visible again after a
 * phone slept, it reconnects at once instead of waiting out its backoff.
 */
export function useLiveClient<C extends Wakeable>(create: () => C, key: string): C | null {
  const [client, setClient] = useState<C | null>(null);
  const latest = useRef(create);
  useLayoutEffect(() => {
    latest.current = create;
  });
  useEffect(() => {
    const c = latest.current();
    setClient(c);
    let hiddenSince: number | null = null;
    const online = () => c.reconnectNow();
    const visibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenSince = performance.now();
        return;
      }
      if (hiddenSince !== null && performance.now() - hiddenSince > ASLEEP_MS) c.restart();
      else c.reconnectNow();
      hiddenSince = null;
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visibility);
      c.stop();
    };
  }, [key]);
  return client;
}

/** A ref that takes focus whenever `step` changes (a new phase of the session). */
export function useFocusOnStep<T extends HTMLElement>(step: string) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [step]);
  return ref;
}
