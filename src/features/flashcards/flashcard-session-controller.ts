import type { Bank, Question } from '../../domain/bank-schema';
import type { Calendar } from '../../domain/calendar';
import {
  NO_FILTER,
  queueCards,
  type Queue,
  type QueueCard,
  type QueueFilter,
} from '../../domain/flashcard-queue';
import {
  initialSession,
  sessionReducer,
  type FlashcardSession,
  type SessionEvent,
} from '../../domain/flashcard-session';
import {
  openDeck,
  ratedAnnouncement,
  reviewLogFor,
  studyQueue,
  withoutRating,
  withRating,
  withSettings,
  type StudyDeck,
} from '../../domain/flashcard-study';
import { RATING_NAMES } from '../../domain/flashcards';
import { ofBank } from '../../domain/bank-progress';
import type { FlashcardSettings, Rating } from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import { createListeners } from '../../domain/listeners';
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

export type ReadyCards = StudyDeck & { status: 'ready' };

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

/** What goes through the save gate: everything but the settings form's submit. */
type CardInput = Exclude<FlashcardAction, { type: 'save-settings' }>;

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
  const listeners = createListeners(store, otherTabChanged);
  let arrivalHandled = false;
  /** Counts committed changes, so a read that overlapped one is done again. */
  let changes = 0;
  /** Another tab changed progress while this one could not reload (mid-card or saving). */
  let reloadWanted = false;
  const gate = createSaveGate<CardInput>({
    handle,
    screen: () => `${state.data.status}:${state.session.status}:${state.session.turn}`,
  });

  function cardsOf(data: ReadyCards): QueueCard[] {
    return data.deck === state.ready?.deck ? state.cards : queueCards(bank, data.deck, calendar);
  }

  /** What is due at `t` in this session, with this filter. */
  function queueFor(
    d: ReadyCards,
    t: number,
    s: FlashcardSession,
    f: QueueFilter,
    cards = cardsOf(d),
  ) {
    const { dailyNewLimit } = d.settings;
    return studyQueue(cards, { now: t, session: s, filter: f, dailyNewLimit, calendar });
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
      queue: ready ? queueFor(ready, next.asOf, s, next.filter, cards) : null,
      current:
        s.status === 'front' || s.status === 'back'
          ? (bank.questions.find((q) => q.id === s.questionId) ?? null)
          : null,
    };
    listeners.notify();
  }

  const announce = (text: string) => ({ text, n: state.announcement.n + 1 });

  /** Shows the first card of the queue (unless it is already on screen). */
  function present(data: ReadyCards, filter: QueueFilter, ahead = false) {
    const t = now();
    const s = state.session;
    const next = queueFor(data, t, ahead ? { ...s, ahead } : s, filter).ids[0] ?? null;
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
      // This bank's reviews and answers only: another bank's question with the same id is
      // another card.
      const deck = openDeck(ofBank(logs, bankId), ofBank(results, bankId), saved);
      const data: ReadyCards = { status: 'ready', ...deck };
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
    const log = reviewLogFor(s, rating, { now: now(), id: newId(), bankId });
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
      const t = log.reviewedAt;
      const rated = withRating(state.ready!, log);
      const data: ReadyCards = { status: 'ready', ...rated.deck };
      const after = { ...state.session, reviews: [...state.session.reviews, rated.review] };
      const queue = queueFor(data, t, after, state.filter);
      const event: SessionEvent = {
        type: 'rated',
        review: rated.review,
        next: queue.ids[0] ?? null,
        now: t,
      };
      set({
        data,
        asOf: t,
        session: sessionReducer(state.session, event),
        saving: false,
        saveError: null,
        announcement: announce(ratedAnnouncement(data, log, queue)),
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
      const t = now();
      set({
        data: { status: 'ready', ...withoutRating(state.ready!, last) },
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
    present({ status: 'ready', ...withSettings(state.ready, settings) }, state.filter);
  }

  async function handle(action: CardInput): Promise<void> {
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
        const next = queueFor(d, t, s, state.filter).ids[0] ?? null;
        return set({ asOf: t, session: sessionReducer(s, { type: 'resume', next, now: t }) });
      }
    }
  }

  return {
    getState: () => state,
    /** Listeners hear of every change; while any listen, the store is watched for other tabs. */
    subscribe: listeners.subscribe,
    /**
     * Resolves once the action has run. Input during a save waits or is dropped (decision record
     * 005); saving settings is a form's submit, not input on a card, so it does not wait.
     */
    dispatch: (action: FlashcardAction): Promise<void> =>
      action.type === 'save-settings' ? saveSettings(action.settings) : gate.offer(action),
  };
}

export type FlashcardController = ReturnType<typeof createFlashcardSession>;
