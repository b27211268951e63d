import { useCallback, useEffect, useRef, useState } from 'react';
import { resultFromFinished } from '../../domain/progress-schema';
import { StaleQuizError, type ProgressStore } from '../../domain/progress-store';
import {
  initialQuizState,
  isFurtherOn,
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
  const [saving, setSaving] = useState(false);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Another tab moved this quiz on: show where it is now rather than overwrite it. */
  const catchUp = useCallback(async () => {
    const mine = current.current;
    if (mine.status !== 'asking' && mine.status !== 'answered') return;
    const { quiz: stored } = await store.loadActiveQuiz();
    if (stored && stored.meta.quizId === mine.meta.quizId) {
      if (!isFurtherOn(stored, mine)) return;
      current.current = stored;
      setState(stored);
      setNotice('This quiz moved on in another tab or window; you are now at the same question.');
      return;
    }
    const finished = (await store.listQuizResults()).find((r) => r.quizId === mine.meta.quizId);
    if (finished) {
      const next = {
        status: 'finished' as const,
        meta: mine.meta,
        items: mine.items,
        answers: finished.answers,
        finishedAt: finished.finishedAt,
      };
      current.current = next;
      setState(next);
      setNotice('This quiz was finished in another tab or window; here are its results.');
    }
  }, [store]);

  useEffect(() => store.subscribe(() => void catchUp()), [store, catchUp]);

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
          error instanceof StaleQuizError
            ? void catchUp()
            : setSaveError(
                `Your last answer could not be saved (${error instanceof Error ? error.message : String(error)}). ` +
                  'You can keep going, but export your progress or keep this tab open until saving works again.',
              ),
      );
      return writes.current;
    },
    [store, catchUp],
  );

  // Events that arrive while an answer is being committed (Enter pressed right after a pick) wait
  // their turn instead of being lost, and run against the committed state.
  const queued = useRef<QuizEvent[]>([]);

  const dispatch = useCallback(
    (first: QuizEvent): Promise<void> => {
      const run = async (event: QuizEvent): Promise<void> => {
        if (committing.current) {
          queued.current.push(event);
          return;
        }
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
        // Feedback on the current question may show at once; the next question (or the results)
        // only once the answer is committed. Events in between wait in the queue.
        committing.current = true;
        setSaving(true);
        if (next.status === 'answered') setState(next);
        try {
          await persist(next);
        } finally {
          committing.current = false;
          setSaving(false);
          if (next.status !== 'answered') setState(next);
        }
        const waiting = queued.current.splice(0);
        for (const later of waiting) await run(later);
      };
      return run(first);
    },
    [persist],
  );

  /** Leave the quiz without finishing it; the saved copy is removed. */
  const quit = useCallback(async () => {
    current.current = initialQuizState;
    setState(initialQuizState);
    await persist(initialQuizState);
  }, [persist]);

  return { state, dispatch, quit, saveError, notice, saving };
}
