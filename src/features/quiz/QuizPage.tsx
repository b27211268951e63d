import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Bank } from '../../domain/bank-schema';
import { resultFromFinished, type ActiveQuiz, type QuizResult } from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import { buildQuiz, orderQuestions, toItem } from '../../domain/quiz-builder';
import type { QuizItem, QuizMeta } from '../../domain/quiz-session';
import { parseQuizParams, quizParams, type QuizSettings } from '../../domain/quiz-settings';
import { buildWeakSpotQuiz, findWeakSpots } from '../../domain/weak-spots';
import { PageHeading } from '../../components/PageHeading';
import { QuizPlayer } from './QuizPlayer';
import { QuizResults } from './QuizResults';
import { QuizSetup } from './QuizSetup';
import { useQuizSession } from './useQuizSession';

export interface QuizPageProps {
  bank: Bank;
  bankId: string;
  store: ProgressStore;
  now: () => number;
  newSeed: () => string;
  newId: () => string;
}

const sameSettings = (a: QuizSettings, b: QuizSettings) => JSON.stringify(a) === JSON.stringify(b);

export function QuizPage({ bank, bankId, store, now, newSeed, newId }: QuizPageProps) {
  const [params, setParams] = useSearchParams();
  const [link] = useState(() => parseQuizParams(params));
  const [setupSeed, setSetupSeed] = useState(() => link.seed ?? newSeed());
  const { state, dispatch, quit, saveError, notice, saving } = useQuizSession(store);
  const [ready, setReady] = useState(false);
  const [alerts, setAlerts] = useState<string[]>(link.errors);
  const [pastResult, setPastResult] = useState<QuizResult | null>(null);
  /** A link asked for a new quiz while another was unfinished: the learner chooses. */
  const [pending, setPending] = useState<{ saved: ActiveQuiz; startNew: () => void } | null>(null);
  const questions = useMemo(() => new Map(bank.questions.map((q) => [q.id, q])), [bank]);
  const started = useRef(false);

  function start(
    meta: Omit<QuizMeta, 'quizId' | 'bankId' | 'bankTitle' | 'startedAt'>,
    items: QuizItem[],
  ) {
    const startedAt = now();
    void dispatch({
      type: 'start',
      meta: { ...meta, quizId: newId(), bankId, bankTitle: bank.title, startedAt },
      items,
      now: startedAt,
    });
    setPastResult(null);
  }

  function startFromSettings(settings: QuizSettings, seed: string) {
    const built = buildQuiz(bank, settings, seed);
    if (!built.ok) {
      setAlerts([built.message]);
      return;
    }
    start({ settings, seed, kind: 'new' }, built.items);
    setAlerts([]);
    // The address now names this quiz: a reload resumes it, and it can be shared.
    setParams(quizParams(settings, seed), { replace: true });
  }

  /** A quiz weighted to the types and concepts this learner misses most (from Progress). */
  async function startWeakSpotPractice() {
    const history = await store.listQuizResults();
    if (history.every((r) => r.answers.every((a) => a.correct))) {
      setAlerts([
        'There are no mistakes in your quiz history yet, so there are no weak spots to practise. Take a quiz first.',
      ]);
      setParams({}, { replace: true });
      return;
    }
    const seed = newSeed();
    const count = typeof link.settings.count === 'number' ? link.settings.count : 10;
    const ids = buildWeakSpotQuiz(bank, findWeakSpots(bank, history), count, seed);
    start(
      { settings: { ...link.settings, count: ids.length }, seed, kind: 'practice' },
      ids.map((id) => toItem(questions.get(id)!)),
    );
    setParams({}, { replace: true });
  }

  function resume(saved: ActiveQuiz) {
    const missing = saved.items.filter((item) => !questions.has(item.questionId)).length;
    if (missing > 0) {
      setAlerts([
        `Your unfinished quiz cannot continue: ${missing} of its questions are no longer in the question bank. Start a new quiz.`,
      ]);
      void quit();
      return;
    }
    void dispatch({ type: 'restore', state: saved, now: now() });
  }

  // On arrival: show a past result, resume an unfinished quiz, or start the one the link names.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const { quiz: saved, setAside } = await store.loadActiveQuiz();
        const notes: string[] = [];
        if (setAside)
          notes.push(
            'A saved quiz could not be read and was set aside (it is kept, not deleted). You can start a new quiz.',
          );
        const resultId = params.get('result');
        if (resultId) {
          const found = (await store.listQuizResults()).find((r) => r.quizId === resultId);
          if (found) setPastResult(found);
          else
            notes.push(
              'That quiz result is not in this browser’s history. Start a new quiz below.',
            );
        } else if (params.get('practice') === 'weak' || link.start) {
          const seed = link.seed ?? newSeed();
          const startNew =
            params.get('practice') === 'weak'
              ? () => void startWeakSpotPractice()
              : () => startFromSettings(link.settings, seed);
          const sameQuiz =
            saved?.meta.kind === 'new' &&
            saved.meta.seed === seed &&
            sameSettings(saved.meta.settings, link.settings);
          // Never drop an unfinished quiz because a link asked for another one: ask first.
          if (saved && sameQuiz) resume(saved);
          else if (saved) setPending({ saved, startNew });
          else startNew();
        } else if (saved) resume(saved);
        setAlerts((a) => [...a, ...notes]);
      } catch (error) {
        setAlerts((a) => [
          ...a,
          `Saved progress could not be opened (${error instanceof Error ? error.message : String(error)}). Quizzes still work, but results may not be kept.`,
        ]);
      } finally {
        setReady(true);
      }
    })();
    // Runs once on arrival; later changes to the address are made by this page itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const finished = state.status === 'finished' ? resultFromFinished(state) : null;
  const finishedId = finished?.quizId;
  useEffect(() => {
    if (finishedId) setParams({ result: finishedId }, { replace: true });
  }, [finishedId, setParams]);

  const result = finished ?? pastResult;

  function retryMistakes(from: QuizResult) {
    const seed = newSeed();
    const missed = from.answers.filter((a) => !a.correct).map((a) => a.questionId);
    const items = orderQuestions(missed, seed).flatMap((id) => {
      const question = questions.get(id);
      return question ? [toItem(question)] : [];
    });
    if (items.length === 0) {
      setAlerts(['The questions you missed are no longer in the question bank. Start a new quiz.']);
      return;
    }
    start({ settings: { ...from.settings, count: items.length }, seed, kind: 'retry' }, items);
    setParams({}, { replace: true });
  }

  function newQuiz() {
    void quit();
    setSetupSeed(newSeed());
    setPastResult(null);
    setAlerts([]);
    setParams({}, { replace: true });
  }

  const linkFor = (settings: QuizSettings, seed: string) =>
    `${window.location.origin}/quiz?${quizParams(settings, seed).toString()}`;

  return (
    <div className="page quiz-page">
      {!result && <PageHeading>Quiz</PageHeading>}
      {alerts.length > 0 && (
        <div role="alert" className="alert alert-error">
          {alerts.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}
      <div aria-live="polite">
        {notice && (
          <div className="alert alert-warn">
            <p>{notice}</p>
          </div>
        )}
      </div>
      {saveError && (
        <div role="alert" className="alert alert-warn">
          <p>{saveError}</p>
        </div>
      )}
      {!ready ? (
        <p className="loading">Loading…</p>
      ) : pending ? (
        <section className="pending-choice" aria-labelledby="pending-heading">
          <h2 id="pending-heading">You have an unfinished quiz</h2>
          <p>
            You were at question {pending.saved.index + 1} of {pending.saved.items.length}, with{' '}
            {pending.saved.answers.length} answered. Starting the new quiz discards it.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              // Focused once, when the choice appears, so Enter resumes.
              autoFocus
              onClick={() => {
                setPending(null);
                resume(pending.saved);
              }}
            >
              Resume the unfinished quiz
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setPending(null);
                pending.startNew();
              }}
            >
              Start the new quiz
            </button>
          </div>
        </section>
      ) : result ? (
        <QuizResults
          result={result}
          questions={questions}
          link={result.kind === 'new' ? linkFor(result.settings, result.seed) : null}
          onRetryMistakes={() => retryMistakes(result)}
          onNewQuiz={newQuiz}
        />
      ) : state.status === 'asking' || state.status === 'answered' ? (
        <QuizPlayer
          saving={saving}
          state={state}
          questions={questions}
          now={now}
          dispatch={(e) => void dispatch(e)}
          onQuit={newQuiz}
        />
      ) : (
        <>
          <p className="lead">
            Pick how many questions and which kinds, then read each scenario and choose the Service
            type that fits. {bank.questions.length} questions in “{bank.title}”.
          </p>
          <QuizSetup
            bank={bank}
            initial={link.settings}
            seed={setupSeed}
            linkFor={linkFor}
            onStart={(settings) => startFromSettings(settings, setupSeed)}
          />
        </>
      )}
    </div>
  );
}
