import type { Bank, Question } from '../../domain/bank-schema';
import type { Calendar } from '../../domain/calendar';
import {
  buildQueue,
  NO_FILTER,
  queueCards,
  type Queue,
  type QueueCard,
  type QueueFilter,
} from '../../domain/flashcard-queue';
import {
  answerDuration,
  initialSession,
  sessionReducer,
  type FlashcardSession,
  type SessionEvent,
} from '../../domain/flashcard-session';
import {
  applyReview,
  createScheduler,
  describeInterval,
  RATING_NAMES,
  replay,
  reviewEvents,
  withoutReview,
  type Deck,
  type ReviewEvent,
  type Scheduler,
} from '../../domain/flashcards';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type FlashcardSettings,
  type Rating,
  type ReviewLog,
} from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import { createSaveGate } from '../../domain/save-gate';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types';

export interface FlashcardDeps {
  bank: Bank;
  bankId: string;
  store: ProgressStore;
  now: () => number;
  newId: () => string;
  calendar: Calendar;
}

export interface ReadyCards {
  status: 'ready';
  settings: FlashcardSettings;
  scheduler: Scheduler;
  /** Every review, flashcards and quiz answers, oldest first. */
  events: ReviewEvent[];
  deck: Deck;
}

/** The learner's cards: being read, unreadable, or ready. */
export type CardData = { status: 'loading' } | { status: 'failed'; message: string } | ReadyCards;

export interface FlashcardState {
  data: CardData;
  /** `data` when it is ready. */
  ready: ReadyCards | null;
  session: FlashcardSession;
  filter: QueueFilter;
  /** The time the queue was built for: it moves on with each action, not with every render. */
  asOf: number;
  /** The bank's questions as cards of the deck. */
  cards: QueueCard[];
  queue: Queue | null;
  /** The question on the card shown. */
  current: Question | null;
  /** A rating or undo is being saved; input waits for it (decision record 005). */
  saving: boolean;
  saveError: string | null;
  /** For screen readers; `n` counts, so the same words are announced again. */
  announcement: { text: string; n: number };
}

export type FlashcardAction =
  | { type: 'arrive' }
  /** Rebuild the queue for the time now (when the next card falls due). */
  | { type: 'refresh' }
  | { type: 'show' }
  | { type: 'choose'; choice: ServiceType }
  | { type: 'rate'; rating: Rating }
  | { type: 'undo' }
  /** Key 1–4: pick a type (choose-first front) or rate (back). */
  | { type: 'number'; n: 1 | 2 | 3 | 4 }
  /** Space shows the answer. */
  | { type: 'space' }
  /** Enter confirms the rating a choose-first pick suggested. */
  | { type: 'enter' }
  | { type: 'filter'; filter: QueueFilter }
  | { type: 'study-ahead' }
  | { type: 'end' }
  | { type: 'resume' }
  /** Resolves once saved and applied; rejects when the settings could not be saved. */
  | { type: 'save-settings'; settings: FlashcardSettings };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The flashcard screen without React: the replayed deck, the queue and the session. A rating or
 * an undo is saved before the screen moves on; other tabs' reviews are read in when safe.
 */
export function createFlashcardSession(deps: FlashcardDeps) {
  const { bank, bankId, store, now, newId, calendar } = deps;
  let state: FlashcardState = {
    data: { status: 'loading' },
    ready: null,
    session: initialSession,
    filter: NO_FILTER,
    asOf: now(),
    cards: [],
    queue: null,
    current: null,
    saving: false,
    saveError: null,
    announcement: { text: '', n: 0 },
  };
  const listeners = new Set<() => void>();
  let unwatch: (() => void) | null = null;
  let arrivalHandled = false;
  /** Counts committed changes, so a read that overlapped one is done again. */
  let changes = 0;
  /** Another tab changed progress while this one could not reload (mid-card or saving). */
  let reloadWanted = false;
  const gate = createSaveGate<FlashcardAction>({
    handle,
    screen: () => `${state.data.status}:${state.session.status}:${state.session.turn}`,
  });

  function cardsOf(data: ReadyCards): QueueCard[] {
    return data.deck === state.ready?.deck ? state.cards : queueCards(bank, data.deck, calendar);
  }

  function queueFor(
    cards: readonly QueueCard[],
    t: number,
    s: FlashcardSession,
    f: QueueFilter,
    d: ReadyCards,
  ) {
    const today = calendar.dayOf(t);
    return buildQueue(cards, {
      now: t,
      todayStart: calendar.startOfDay(today),
      tomorrowStart: calendar.startOfDay(today + 1),
      dailyNewLimit: d.settings.dailyNewLimit,
      filter: f,
      ahead: s.ahead ? { exclude: new Set(s.reviews.map((r) => r.questionId)) } : null,
    });
  }

  /** Moves state on in one step; what the screen shows (cards, queue, card) follows from it. */
  function set(patch: Partial<FlashcardState>) {
    const next = { ...state, ...patch };
    const ready = next.data.status === 'ready' ? next.data : null;
    const cards = ready ? cardsOf(ready) : [];
    const s = next.session;
    state = {
      ...next,
      ready,
      cards,
      queue: ready ? queueFor(cards, next.asOf, s, next.filter, ready) : null,
      current:
        s.status === 'front' || s.status === 'back'
          ? (bank.questions.find((q) => q.id === s.questionId) ?? null)
          : null,
    };
    listeners.forEach((listener) => listener());
  }

  const announce = (text: string) => ({ text, n: state.announcement.n + 1 });

  /** Shows the first card of the queue (unless it is already on screen). */
  function present(data: ReadyCards, filter: QueueFilter, ahead = false) {
    const t = now();
    const s = state.session;
    const next =
      queueFor(cardsOf(data), t, ahead ? { ...s, ahead } : s, filter, data).ids[0] ?? null;
    const event: SessionEvent = ahead
      ? { type: 'study-ahead', next, now: t }
      : { type: 'present', next, now: t };
    set({ data, filter, asOf: t, session: sessionReducer(s, event) });
  }

  /** Reads reviews, quiz answers and settings; a reload keeps the filter and the card on screen. */
  async function load(keepFilter: boolean): Promise<void> {
    const before = changes;
    try {
      const [logs, results, saved] = await Promise.all([
        store.listReviewLogs(),
        store.listQuizResults(),
        store.loadFlashcardSettings(),
      ]);
      // A rating landed while reading: what was read may not hold it. Read again.
      if (changes !== before) return load(keepFilter);
      const settings = saved ?? DEFAULT_FLASHCARD_SETTINGS;
      const scheduler = createScheduler(settings);
      const events = reviewEvents(logs, results);
      const data: ReadyCards = {
        status: 'ready',
        settings,
        scheduler,
        events,
        deck: replay(events, scheduler),
      };
      present(data, keepFilter ? state.filter : NO_FILTER);
    } catch (error) {
      set({ data: { status: 'failed', message: errorText(error) } });
    }
  }

  /** Another tab reviewed or finished a quiz: re-read, but not under a card being rated. */
  function otherTabChanged() {
    if (gate.busy || state.session.status === 'back') reloadWanted = true;
    else void load(true);
  }

  async function catchUpIfWanted() {
    if (!reloadWanted || gate.busy || state.session.status === 'back') return;
    reloadWanted = false;
    await load(true);
  }

  /** Saves a rating, then shows the next card. The card stays on screen if it cannot be saved. */
  async function rate(rating: Rating) {
    const s = state.session;
    if (s.status !== 'back' || !state.ready) return;
    const t = now();
    const log: ReviewLog = {
      id: newId(),
      questionId: s.questionId,
      bankId,
      rating,
      reviewedAt: t,
      mode: s.choice === null ? 'classic' : 'choose-first',
      choice: s.choice,
      durationMs: answerDuration(s.shownAt, t),
    };
    set({ saving: true });
    await gate.save(async () => {
      try {
        await store.addReviewLog(log);
      } catch (error) {
        set({
          saving: false,
          saveError: `Your rating could not be saved (${errorText(error)}). The card stays on screen: rate it again to retry.`,
        });
        return false;
      }
      changes += 1;
      const d = state.ready!;
      const event: ReviewEvent = {
        questionId: log.questionId,
        rating,
        at: t,
        source: 'flashcard',
        id: log.id,
      };
      const deck = applyReview(d.deck, event, d.scheduler);
      const data: ReadyCards = { ...d, events: [...d.events, event], deck };
      const review = {
        questionId: log.questionId,
        logId: log.id,
        rating,
        at: t,
        durationMs: log.durationMs,
      };
      const rated = { ...state.session, reviews: [...state.session.reviews, review] };
      const queue = queueFor(cardsOf(data), t, rated, state.filter, data);
      const card = deck.get(log.questionId);
      set({
        data,
        asOf: t,
        session: sessionReducer(state.session, {
          type: 'rated',
          review,
          next: queue.ids[0] ?? null,
          now: t,
        }),
        saving: false,
        saveError: null,
        // Worded apart from the visible count ("12 due"), so a search for that text finds one element.
        announcement: announce(
          `Rated ${RATING_NAMES[rating]}${card ? `; next review in ${describeInterval(card.due - t)}` : ''}. ` +
            (queue.due > 0 ? `${queue.due} to go.` : 'That was the last card for now.'),
        ),
      });
      return true;
    });
    await catchUpIfWanted();
  }

  /** Takes back the session's last rating and shows that card again. */
  async function undo() {
    const last = state.session.reviews.at(-1);
    if (!last || !state.ready) return;
    set({ saving: true });
    await gate.save(async () => {
      try {
        await store.deleteReviewLog(last.logId);
      } catch (error) {
        set({
          saving: false,
          saveError: `The last rating could not be taken back (${errorText(error)}).`,
        });
        return false;
      }
      changes += 1;
      const d = state.ready!;
      const deck = withoutReview(d.deck, last.questionId, last.logId, d.scheduler);
      const t = now();
      set({
        data: { ...d, events: d.events.filter((e) => e.id !== last.logId), deck },
        asOf: t,
        session: sessionReducer(state.session, {
          type: 'undone',
          logId: last.logId,
          next: last.questionId,
          now: t,
        }),
        saving: false,
        saveError: null,
        announcement: announce(`Took back ${RATING_NAMES[last.rating]}. The card is shown again.`),
      });
      return true;
    });
    await catchUpIfWanted();
  }

  async function saveSettings(settings: FlashcardSettings) {
    if (!state.ready) return;
    await store.saveFlashcardSettings(settings);
    changes += 1;
    // New parameters reschedule every card: replay the same reviews with them.
    const { events } = state.ready;
    const scheduler = createScheduler(settings);
    present(
      { status: 'ready', settings, scheduler, events, deck: replay(events, scheduler) },
      state.filter,
    );
  }

  async function handle(action: FlashcardAction): Promise<void> {
    const s = state.session;
    const d = state.ready;
    switch (action.type) {
      case 'arrive':
        if (arrivalHandled) return;
        arrivalHandled = true;
        return load(false);
      case 'refresh':
        return d ? present(d, state.filter) : undefined;
      case 'show':
        return set({ session: sessionReducer(s, { type: 'show', now: now() }) });
      case 'choose': {
        if (s.status !== 'front') return;
        const answer = bank.questions.find((q) => q.id === s.questionId)?.answer;
        if (!answer) return;
        const event: SessionEvent = { type: 'choose', choice: action.choice, answer, now: now() };
        return set({ session: sessionReducer(s, event) });
      }
      case 'rate':
        return rate(action.rating);
      case 'undo':
        return undo();
      case 'number': {
        const type = SERVICE_TYPES[action.n - 1];
        if (s.status === 'front' && d?.settings.mode === 'choose-first' && type)
          return handle({ type: 'choose', choice: type });
        if (s.status === 'back') return rate(action.n);
        return;
      }
      case 'space':
        return s.status === 'front' ? handle({ type: 'show' }) : undefined;
      case 'enter':
        return s.status === 'back' && s.suggested !== null ? rate(s.suggested) : undefined;
      case 'filter':
        return d ? present(d, action.filter) : undefined;
      case 'study-ahead':
        return d ? present(d, state.filter, true) : undefined;
      case 'end':
        return set({ session: sessionReducer(s, { type: 'end' }) });
      case 'resume': {
        if (!d) return;
        const t = now();
        const next = queueFor(state.cards, t, s, state.filter, d).ids[0] ?? null;
        return set({ asOf: t, session: sessionReducer(s, { type: 'resume', next, now: t }) });
      }
      case 'save-settings':
        return saveSettings(action.settings);
    }
  }

  return {
    getState: () => state,
    /** Listeners hear of every change; while anyone listens, so does the store, for other tabs. */
    subscribe(listener: () => void) {
      listeners.add(listener);
      unwatch ??= store.subscribe(otherTabChanged);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unwatch?.();
          unwatch = null;
        }
      };
    },
    /**
     * Resolves once the action has run. Input during a save waits or is dropped (decision record
     * 005); saving settings is a form's submit, not input on a card, so it does not wait.
     */
    dispatch: (action: FlashcardAction): Promise<void> =>
      action.type === 'save-settings' ? saveSettings(action.settings) : gate.offer(action),
  };
}

export type FlashcardController = ReturnType<typeof createFlashcardSession>;
