import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Bank } from '../../domain/bank-schema';
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
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types';

export interface FlashcardDeps {
  bank: Bank;
  bankId: string;
  store: ProgressStore;
  now: () => number;
  newId: () => string;
  calendar: Calendar;
}

interface Ready {
  status: 'ready';
  settings: FlashcardSettings;
  scheduler: Scheduler;
  /** Every review, flashcards and quiz answers, oldest first. */
  events: ReviewEvent[];
  deck: Deck;
}

type Loading = { status: 'loading' } | { status: 'failed'; message: string } | Ready;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The flashcard screen's state: the replayed deck, the queue and the session. Every rating and
 * undo is committed to storage before the screen moves on, and ignored while one is in flight.
 */
export function useFlashcards(deps: FlashcardDeps) {
  const { bank, calendar, store } = deps;
  const [data, setData] = useState<Loading>({ status: 'loading' });
  const [session, setSession] = useState<FlashcardSession>(initialSession);
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  /** The time the queue was last built for: it moves on with each action, not with every render. */
  const [asOf, setAsOf] = useState(() => deps.now());
  const [saveError, setSaveError] = useState<string | null>(null);
  const [announcement, announce] = useReducer(
    (state: { text: string; n: number }, text: string) => ({ text, n: state.n + 1 }),
    { text: '', n: 0 },
  );
  // Actions read the latest props and state from refs: a second key press can arrive before a
  // re-render, and the actions keep one identity for the life of the screen.
  const props = useRef(deps);
  useLayoutEffect(() => {
    props.current = deps;
  });
  const latest = useRef({ data: data as Loading, session, filter });
  const committing = useRef(false);

  const ready = 'deck' in data ? data : null;
  const cards = useMemo(
    () => (ready ? queueCards(bank, ready.deck, calendar) : []),
    [bank, ready, calendar],
  );
  const queue: Queue | null = useMemo(
    () => (ready ? queueFor(cards, asOf, session, filter, ready, calendar) : null),
    [ready, cards, asOf, session, filter, calendar],
  );

  const actions = useMemo(() => {
    /** Moves state on in one step, keeping the refs in line with what will render. */
    function commit(next: {
      data?: Ready;
      event?: SessionEvent;
      filter?: QueueFilter;
      at?: number;
    }) {
      const state = latest.current;
      const d = next.data ?? state.data;
      const s = next.event ? sessionReducer(state.session, next.event) : state.session;
      const f = next.filter ?? state.filter;
      latest.current = { data: d, session: s, filter: f };
      if (next.data) setData(next.data);
      if (next.event) setSession(s);
      if (next.filter) setFilter(f);
      if (next.at !== undefined) setAsOf(next.at);
      return s;
    }

    function queueNow(d: Ready, s: FlashcardSession, f: QueueFilter, t: number) {
      const { bank: b, calendar: c } = props.current;
      return queueFor(queueCards(b, d.deck, c), t, s, f, d, c);
    }

    /** Shows the first card of the queue (unless it is already on screen). */
    function present(d: Ready, f: QueueFilter, ahead = false) {
      const t = props.current.now();
      const s = latest.current.session;
      const next = queueNow(d, ahead ? { ...s, ahead } : s, f, t).ids[0] ?? null;
      commit({
        data: d,
        filter: f,
        at: t,
        event: ahead ? { type: 'study-ahead', next, now: t } : { type: 'present', next, now: t },
      });
    }

    function readyData(): Ready | null {
      const d = latest.current.data;
      return 'deck' in d ? d : null;
    }

    const api = {
      /** Reads reviews, quiz answers and settings; a reload keeps the filter and the card on screen. */
      async load(keepFilter = false) {
        try {
          const { store: st } = props.current;
          const [logs, results, saved] = await Promise.all([
            st.listReviewLogs(),
            st.listQuizResults(),
            st.loadFlashcardSettings(),
          ]);
          const settings = saved ?? DEFAULT_FLASHCARD_SETTINGS;
          const scheduler = createScheduler(settings);
          const events = reviewEvents(logs, results);
          present(
            { status: 'ready', settings, scheduler, events, deck: replay(events, scheduler) },
            keepFilter ? latest.current.filter : NO_FILTER,
          );
        } catch (error) {
          setData({ status: 'failed', message: errorText(error) });
        }
      },

      /** Rebuilds the queue for the current time (when the next card falls due). */
      refresh() {
        const d = readyData();
        if (d) present(d, latest.current.filter);
      },

      show() {
        commit({ event: { type: 'show', now: props.current.now() } });
      },

      choose(choice: ServiceType) {
        const s = latest.current.session;
        if (s.status !== 'front') return;
        const answer = props.current.bank.questions.find((q) => q.id === s.questionId)?.answer;
        if (!answer) return;
        commit({ event: { type: 'choose', choice, answer, now: props.current.now() } });
      },

      /** Commits a rating, then shows the next card. Resolves to the rated card, or null. */
      async rate(rating: Rating) {
        const { session: s, filter: f } = latest.current;
        const d = readyData();
        if (s.status !== 'back' || !d || committing.current) return null;
        committing.current = true;
        const { now, newId, bankId, store: st } = props.current;
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
        try {
          await st.addReviewLog(log);
          setSaveError(null);
        } catch (error) {
          setSaveError(
            `Your rating could not be saved (${errorText(error)}). The card stays on screen: rate it again to retry.`,
          );
          return null;
        } finally {
          committing.current = false;
        }
        const event: ReviewEvent = {
          questionId: log.questionId,
          rating,
          at: t,
          source: 'flashcard',
          id: log.id,
        };
        const deck = applyReview(d.deck, event, d.scheduler);
        const nextData: Ready = { ...d, events: [...d.events, event], deck };
        const review = {
          questionId: log.questionId,
          logId: log.id,
          rating,
          at: t,
          durationMs: log.durationMs,
        };
        const q = queueNow(nextData, { ...s, reviews: [...s.reviews, review] }, f, t);
        commit({
          data: nextData,
          at: t,
          event: { type: 'rated', review, next: q.ids[0] ?? null, now: t },
        });
        const card = deck.get(log.questionId);
        // Worded apart from the visible count ("12 due"), so a search for that text finds one element.
        announce(
          `Rated ${RATING_NAMES[rating]}${card ? `; next review in ${describeInterval(card.due - t)}` : ''}. ` +
            (q.due > 0 ? `${q.due} to go.` : 'That was the last card for now.'),
        );
        return card ?? null;
      },

      /** Takes back the session's last rating and shows that card again. */
      async undo() {
        const s = latest.current.session;
        const d = readyData();
        const last = s.reviews.at(-1);
        if (!last || !d || committing.current) return null;
        committing.current = true;
        try {
          await props.current.store.deleteReviewLog(last.logId);
          setSaveError(null);
        } catch (error) {
          setSaveError(`The last rating could not be taken back (${errorText(error)}).`);
          return null;
        } finally {
          committing.current = false;
        }
        const deck = withoutReview(d.deck, last.questionId, last.logId, d.scheduler);
        const t = props.current.now();
        commit({
          data: { ...d, events: d.events.filter((e) => e.id !== last.logId), deck },
          at: t,
          event: { type: 'undone', logId: last.logId, next: last.questionId, now: t },
        });
        announce(`Took back ${RATING_NAMES[last.rating]}. The card is shown again.`);
        return last;
      },

      /** Key 1–4: pick a type (choose-first front) or rate (back). */
      number(n: 1 | 2 | 3 | 4) {
        const s = latest.current.session;
        const d = readyData();
        const type = SERVICE_TYPES[n - 1];
        if (s.status === 'front' && d?.settings.mode === 'choose-first' && type) api.choose(type);
        else if (s.status === 'back') void api.rate(n);
      },

      /** Space shows the answer. */
      space() {
        if (latest.current.session.status === 'front') api.show();
      },

      /** Enter confirms the rating a choose-first pick suggested. */
      enter() {
        const s = latest.current.session;
        if (s.status === 'back' && s.suggested !== null) void api.rate(s.suggested);
      },

      setFilter(f: QueueFilter) {
        const d = readyData();
        if (d) present(d, f);
      },

      studyAhead() {
        const d = readyData();
        if (d) present(d, latest.current.filter, true);
      },

      endSession() {
        commit({ event: { type: 'end' } });
      },

      resume() {
        const { session: s, filter: f } = latest.current;
        const d = readyData();
        if (!d) return;
        const t = props.current.now();
        const next = queueNow(d, s, f, t).ids[0] ?? null;
        commit({ at: t, event: { type: 'resume', next, now: t } });
      },

      async saveSettings(settings: FlashcardSettings) {
        const d = readyData();
        if (!d) return;
        await props.current.store.saveFlashcardSettings(settings);
        // New parameters reschedule every card: replay the same reviews with them.
        const scheduler = createScheduler(settings);
        present(
          {
            status: 'ready',
            settings,
            scheduler,
            events: d.events,
            deck: replay(d.events, scheduler),
          },
          latest.current.filter,
        );
      },
    };
    return api;
  }, []);

  // Load reviews, quiz answers and settings once per store.
  useEffect(() => {
    void actions.load();
  }, [actions, store]);

  // Another tab reviewed or finished a quiz: re-read, unless this tab is mid-card or saving a
  // rating (a reload then would replace the deck under the rating being applied).
  useEffect(
    () =>
      store.subscribe(() => {
        if (!committing.current && latest.current.session.status !== 'back')
          void actions.load(true);
      }),
    [actions, store],
  );

  // With nothing due, wake up when the next card is.
  const nextDueAt = session.status === 'idle' ? (queue?.nextDueAt ?? null) : null;
  useEffect(() => {
    if (nextDueAt === null) return;
    const wait = Math.min(Math.max(0, nextDueAt - props.current.now()) + 500, 3_600_000);
    const id = window.setTimeout(actions.refresh, wait);
    return () => window.clearTimeout(id);
  }, [nextDueAt, actions]);

  const current =
    session.status === 'front' || session.status === 'back'
      ? (bank.questions.find((q) => q.id === session.questionId) ?? null)
      : null;

  return {
    data,
    ready,
    session,
    queue,
    cards,
    current,
    filter,
    asOf,
    saveError,
    announcement,
    announce,
    ...actions,
  };
}

function queueFor(
  cards: readonly QueueCard[],
  t: number,
  s: FlashcardSession,
  f: QueueFilter,
  d: Ready,
  calendar: Calendar,
): Queue {
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
