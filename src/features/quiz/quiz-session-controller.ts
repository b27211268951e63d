import type { Bank } from '../../domain/bank-schema';
import { resultFromFinished, type ActiveQuiz, type QuizResult } from '../../domain/progress-schema';
import { StaleQuizError, type ProgressStore } from '../../domain/progress-store';
import { decideArrival, type LinkedQuiz } from '../../domain/quiz-arrival';
import { planFromSettings, planRetry, planWeakSpots, type QuizPlan } from '../../domain/quiz-plans';
import {
  initialQuizState,
  isFurtherOn,
  quizReducer,
  type QuizEvent,
  type QuizState,
} from '../../domain/quiz-session';
import {
  parseQuizParams,
  quizParams,
  type ParsedQuizLink,
  type QuizSettings,
} from '../../domain/quiz-settings';
import { createListeners } from '../../domain/listeners';
import { ofBank } from '../../domain/bank-progress';
import { createSaveGate } from '../../domain/save-gate';

export interface QuizSessionDeps {
  bank: Bank;
  bankId: string;
  store: ProgressStore;
  now: () => number;
  newSeed: () => string;
  newId: () => string;
  /** The address's query on arrival: `count=5&seed=abc&start=1`, `result=<id>`, `practice=weak`. */
  query: string;
}

export interface QuizSessionState {
  /** False until arrival has decided what to show. */
  arrived: boolean;
  /** The quiz as shown: another question, or the results, shows only once that move is saved. */
  quiz: QuizState;
  /** The arrival link: the setup form starts from its settings. */
  link: ParsedQuizLink;
  setupSeed: string;
  /** A finished quiz from history that the address names. */
  pastResult: QuizResult | null;
  /** An unfinished quiz a link would replace: the learner chooses. */
  unfinished: ActiveQuiz | null;
  alerts: string[];
  /** Another tab moved this quiz on or finished it, so this one followed. */
  notice: string | null;
  /** A save is in flight; input waits for it (decision record 005). */
  saving: boolean;
  /** The last save failed, and what to do. Nothing is lost: the quiz is kept in this tab. */
  saveError: string | null;
  /** The query the address should show; null leaves the arrival address. */
  address: string | null;
}

/** What the learner does on a question: pick, confirm, pause, go on. */
export type PlayerEvent = Exclude<QuizEvent, { type: 'start' | 'restore' }>;

/** Everything the quiz page can ask for. */
export type QuizAction =
  | PlayerEvent
  | { type: 'arrive' }
  | { type: 'start-quiz'; settings: QuizSettings }
  | { type: 'resume-unfinished' }
  | { type: 'start-new-instead' }
  | { type: 'retry-mistakes' }
  | { type: 'new-quiz' }
  | { type: 'retry-save' };

type InProgress = Extract<QuizState, { status: 'asking' | 'answered' }>;
const inProgress = (q: QuizState): q is InProgress =>
  q.status === 'asking' || q.status === 'answered';
/** Where a quiz is: moving to another place is saved before it is shown. */
const place = (q: QuizState) =>
  q.status === 'not-started'
    ? 'setup'
    : `${q.meta.quizId}:${q.status === 'finished' ? 'results' : q.index}`;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const MOVED_ON =
  'This quiz moved on in another tab or window; you are now at the same question.';
export const FINISHED_ELSEWHERE =
  'This quiz was finished in another tab or window; here are its results.';

/**
 * The quiz screen without React: arrival, the reducer, saving in order, following other tabs and
 * save failures. The page renders `getState()` and sends everything to `dispatch`.
 */
export function createQuizSession(deps: QuizSessionDeps) {
  const { bank, bankId, store, now, newSeed, newId } = deps;
  const params = new URLSearchParams(deps.query);
  const link = parseQuizParams(params);
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  let state: QuizSessionState = {
    arrived: false,
    quiz: initialQuizState,
    link,
    setupSeed: link.seed ?? newSeed(),
    pastResult: null,
    unfinished: null,
    alerts: link.errors,
    notice: null,
    saving: false,
    saveError: null,
    address: null,
  };
  /** The reducer's latest state: ahead of `state.quiz` while a move to another place is saved. */
  let current: QuizState = initialQuizState;
  /** The latest state whose save failed, for "Try again". */
  let unsaved: QuizState | null = null;
  let arrivalHandled = false;
  /** What the link asked to start, when the learner was asked first. */
  let instead: LinkedQuiz = 'link';
  const listeners = createListeners(store, () => void catchUp());

  function set(patch: Partial<QuizSessionState>) {
    state = { ...state, ...patch };
    // A finished quiz is named by the address, so a reload shows the same results.
    if (patch.quiz?.status === 'finished') state.address = `result=${patch.quiz.meta.quizId}`;
    listeners.notify();
  }

  const gate = createSaveGate<QuizAction>({ handle, screen });

  function screen(): string {
    if (!state.arrived) return 'arriving';
    if (inProgress(state.quiz)) return place(state.quiz);
    if (state.unfinished) return 'ask';
    if (state.quiz.status === 'finished') return place(state.quiz);
    return state.pastResult ? `result:${state.pastResult.quizId}` : 'setup';
  }

  function write(q: QuizState): Promise<void> {
    if (q.status === 'finished') return store.finishQuiz(resultFromFinished(q));
    if (q.status === 'not-started') return store.clearActiveQuiz(bankId);
    return store.saveActiveQuiz(q);
  }

  /** Saves `q`; true when it went through. A stale tab catches up instead of overwriting. */
  async function save(q: QuizState): Promise<boolean> {
    try {
      await write(q);
    } catch (error) {
      if (error instanceof StaleQuizError) {
        await catchUp();
        return false;
      }
      unsaved = q;
      set({
        saveError:
          `Your last answer could not be saved (${errorText(error)}). Nothing is lost while this ` +
          'tab stays open: keep going and it is saved with your next answer, or try again.',
      });
      return false;
    }
    // Each save holds the whole quiz, so it carries an earlier failed one along; a result is a
    // record of its own, carried only by saving that result.
    if (unsaved && (unsaved.status !== 'finished' || place(unsaved) === place(q))) unsaved = null;
    if (!unsaved) set({ saveError: null });
    return true;
  }

  /**
   * Makes `next` the quiz and saves it. A change on the same question (feedback, a pick, a pause)
   * shows at once; another question or the results only once saved (decision records 002, 005).
   */
  async function moveTo(next: QuizState): Promise<void> {
    const movesOn = place(next) !== place(current);
    current = next;
    set(movesOn ? { saving: true } : { quiz: next, saving: true });
    await gate.save(async () => {
      const saved = await save(next);
      // Shown even when the save failed: the quiz goes on in this tab and the next save carries it.
      set({ quiz: current, saving: false });
      return saved;
    });
  }

  async function play(event: QuizEvent) {
    const next = quizReducer(current, event);
    if (next !== current) await moveTo(next);
  }

  /** Another tab moved this quiz on or finished it: show where it is rather than overwrite it. */
  async function catchUp() {
    const mine = current;
    if (!inProgress(mine)) return;
    const { quiz: stored } = await store.loadActiveQuiz(bankId);
    const latest = current;
    if (!inProgress(latest) || latest.meta.quizId !== mine.meta.quizId) return;
    if (stored && stored.meta.quizId === latest.meta.quizId) {
      if (isFurtherOn(stored, latest)) follow(stored, MOVED_ON);
      return;
    }
    const result = (await store.listQuizResults()).find((r) => r.quizId === latest.meta.quizId);
    if (result && current === latest) {
      const { items, meta } = latest;
      const { answers, finishedAt } = result;
      follow({ status: 'finished', meta, items, answers, finishedAt }, FINISHED_ELSEWHERE);
    }
  }

  function follow(q: QuizState, notice: string) {
    current = q;
    set({ quiz: q, notice });
  }

  /** Starts a planned quiz (or says why there is none); `address` is the query that names it. */
  async function start(plan: QuizPlan, address: string) {
    if (!plan.ok) return set({ alerts: [plan.message] });
    const { items, settings, seed, kind } = plan;
    const startedAt = now();
    const meta = {
      settings,
      seed,
      kind,
      quizId: newId(),
      bankId,
      bankTitle: bank.title,
      startedAt,
    };
    set({ alerts: [], address });
    await play({ type: 'start', meta, items, now: startedAt });
    set({ pastResult: null });
  }

  /** The quiz settings and a seed name; the address names it too, so a reload resumes it. */
  function startFromSettings(settings: QuizSettings, seed: string) {
    return start(planFromSettings(bank, settings, seed), quizParams(settings, seed).toString());
  }

  /** The quiz a link names, or weak-spot practice. */
  async function startLinked(which: LinkedQuiz) {
    if (which === 'link') return startFromSettings(link.settings, state.setupSeed);
    const history = ofBank(await store.listQuizResults(), bankId);
    set({ address: '' });
    await start(planWeakSpots(bank, history, link.settings, newSeed()), '');
  }

  async function resume(saved: ActiveQuiz) {
    const missing = saved.items.filter((item) => !questions.has(item.questionId)).length;
    if (missing === 0) return play({ type: 'restore', state: saved, now: now() });
    set({
      alerts: [
        `Your unfinished quiz cannot continue: ${missing} of its questions are no longer in the question bank. Start a new quiz.`,
      ],
    });
    await moveTo(initialQuizState);
  }

  async function retryMistakes() {
    const { quiz, pastResult } = state;
    const from = quiz.status === 'finished' ? resultFromFinished(quiz) : pastResult;
    if (from) await start(planRetry(bank, from, newSeed()), '');
  }

  /** Back to the setup form; an unfinished quiz is discarded, a finished one stays in history. */
  async function newQuiz() {
    set({ pastResult: null, alerts: [], setupSeed: newSeed(), address: '', notice: null });
    if (inProgress(current)) return moveTo(initialQuizState);
    current = initialQuizState;
    set({ quiz: current });
  }

  /** Shows a past result, resumes, asks first, or starts the quiz the link names. */
  async function arrive() {
    if (arrivalHandled) return;
    arrivalHandled = true;
    const notes: string[] = [];
    try {
      const { quiz: saved, setAside } = await store.loadActiveQuiz(bankId);
      if (setAside)
        notes.push(
          'A saved quiz could not be read and was set aside (it is kept, not deleted). You can start a new quiz.',
        );
      const arrival = decideArrival(params, link, state.setupSeed, saved);
      if (arrival.kind === 'result') {
        const found = (await store.listQuizResults()).find((r) => r.quizId === arrival.quizId);
        if (found && found.bankId === bankId) set({ pastResult: found });
        else if (found)
          notes.push(
            `That result is from the bank “${found.bankTitle}”, and the questions here are from “${bank.title}”. Make “${found.bankTitle}” the active bank on Question banks to review it, or start a new quiz below.`,
          );
        else
          notes.push('That quiz result is not in this browser’s history. Start a new quiz below.');
      } else if (arrival.kind === 'resume') await resume(arrival.quiz);
      else if (arrival.kind === 'ask') {
        instead = arrival.instead;
        set({ unfinished: arrival.unfinished });
      } else if (arrival.kind === 'start') await startLinked(arrival.quiz);
    } catch (error) {
      notes.push(
        `Saved progress could not be opened (${errorText(error)}). Quizzes still work, but results may not be kept.`,
      );
    }
    set({ arrived: true, alerts: [...state.alerts, ...notes] });
  }

  async function handle(action: QuizAction): Promise<void> {
    switch (action.type) {
      case 'arrive':
        return arrive();
      case 'start-quiz':
        return startFromSettings(action.settings, state.setupSeed);
      case 'resume-unfinished':
      case 'start-new-instead': {
        const saved = state.unfinished;
        if (!saved) return;
        if (action.type === 'resume-unfinished') await resume(saved);
        else await startLinked(instead);
        return set({ unfinished: null });
      }
      case 'retry-mistakes':
        return retryMistakes();
      case 'new-quiz':
        return newQuiz();
      case 'retry-save': {
        const again = unsaved;
        if (!again) return;
        set({ saving: true });
        return gate.save(async () => {
          const saved = await save(again);
          set({ saving: false });
          return saved;
        });
      }
      default:
        return play(action);
    }
  }

  return {
    getState: () => state,
    /** Listeners hear of every change; while any listen, the store is watched for other tabs. */
    subscribe: listeners.subscribe,
    /** Resolves once the action has run; input during a save waits (or is dropped) instead. */
    dispatch: (action: QuizAction) => gate.offer(action),
  };
}

export type QuizController = ReturnType<typeof createQuizSession>;
