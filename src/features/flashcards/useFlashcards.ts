import { useEffect, useState, useSyncExternalStore } from 'react';
import { createFlashcardSession, type FlashcardDeps } from './flashcard-session-controller';

/** Longest wait before the queue is rebuilt when nothing is due (timers drift over longer). */
const MAX_WAIT_MS = 3_600_000;

/**
 * The flashcard controller joined to React. It is made once per page: `deps` are read on the
 * first render (the bank, store and clock the page was opened with).
 */
export function useFlashcards(deps: FlashcardDeps) {
  const [cards] = useState(() => createFlashcardSession(deps));
  const state = useSyncExternalStore(cards.subscribe, cards.getState);
  useEffect(() => void cards.dispatch({ type: 'arrive' }), [cards]);

  // With nothing due, wake up when the next card is.
  const { now } = deps;
  const nextDueAt = state.session.status === 'idle' ? (state.queue?.nextDueAt ?? null) : null;
  useEffect(() => {
    if (nextDueAt === null) return;
    const wait = Math.min(Math.max(0, nextDueAt - now()) + 500, MAX_WAIT_MS);
    const id = window.setTimeout(() => void cards.dispatch({ type: 'refresh' }), wait);
    return () => window.clearTimeout(id);
  }, [nextDueAt, now, cards]);

  return { state, dispatch: cards.dispatch };
}
