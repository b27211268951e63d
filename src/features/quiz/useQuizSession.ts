import { useEffect, useState, useSyncExternalStore } from 'react';
import { createQuizSession, type QuizSessionDeps } from './quiz-session-controller';

/**
 * The quiz controller joined to React. It is made once per page: `deps` are read on the first
 * render (the address on arrival, the bank and store the page was opened with).
 */
export function useQuizSession(deps: QuizSessionDeps) {
  const [session] = useState(() => createQuizSession(deps));
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useEffect(() => void session.dispatch({ type: 'arrive' }), [session]);
  return { state, dispatch: session.dispatch };
}
