import { useCallback, useRef, useState } from 'react';
import { resultFromFinished } from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import {
  initialQuizState,
  quizReducer,
  type QuizEvent,
  type QuizState,
} from '../../domain/quiz-session';

/**
 * Runs the quiz reducer and saves every change. An answer (or the end of the quiz) is committed
 * to storage before the screen moves on, so a closed tab loses at most the answer being given.
 */
export function useQuizSession(store: ProgressStore) {
  const [state, setState] = useState<QuizState>(initialQuizState);
  const current = useRef<QuizState>(initialQuizState);
  const committing = useRef(false);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const [saveError, setSaveError] = useState<string | null>(null);

  const persist = useCallback(
    (next: QuizState) => {
      const write = () => {
        if (next.status === 'finished') return store.finishQuiz(resultFromFinished(next));
        if (next.status === 'not-started') return store.clearActiveQuiz();
        return store.saveActiveQuiz(next);
      };
      // Writes go one after another, in the order the events happened.
      writes.current = writes.current.then(write).then(
        () => setSaveError(null),
        (error: unknown) =>
          setSaveError(
            `Your last answer could not be saved (${error instanceof Error ? error.message : String(error)}). ` +
              'You can keep going, but export your progress or keep this tab open until saving works again.',
          ),
      );
      return writes.current;
    },
    [store],
  );

  const dispatch = useCallback(
    async (event: QuizEvent) => {
      if (committing.current) return;
      const previous = current.current;
      const next = quizReducer(previous, event);
      if (next === previous) return;
      current.current = next;
      const recordsAnswer =
        next.status === 'finished' ||
        ('answers' in next &&
          'answers' in previous &&
          next.answers.length !== previous.answers.length);
      if (!recordsAnswer) {
        setState(next);
        await persist(next);
        return;
      }
      committing.current = true;
      try {
        await persist(next);
      } finally {
        committing.current = false;
        setState(next);
      }
    },
    [persist],
  );

  /** Leave the quiz without finishing it; the saved copy is removed. */
  const quit = useCallback(async () => {
    current.current = initialQuizState;
    setState(initialQuizState);
    await persist(initialQuizState);
  }, [persist]);

  return { state, dispatch, quit, saveError };
}
