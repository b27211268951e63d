import { describe, expect, it } from 'vitest';
import { fixedOffsetCalendar } from '../../../src/domain/calendar';
import type { ProgressData } from '../../../src/domain/progress-export';
import { DEFAULT_FLASHCARD_SETTINGS } from '../../../src/domain/progress-schema';
import {
  createFlashcardSession,
  type FlashcardController,
} from '../../../src/features/flashcards/flashcard-session-controller';
import { fourTypeBank } from '../../factories';
import { makeReview } from '../../factories-progress';
import { gateWrites, settle, type GatedStore } from '../../fakes/gated-progress-store';
import { createMemoryDatabase, type MemoryDatabase } from '../../fakes/memory-progress-store';

const bank = fourTypeBank();
const T0 = Date.UTC(2025, 2, 3, 9, 0);
let ids = 0;

async function open(
  options: { db?: MemoryDatabase; initial?: Partial<ProgressData>; listen?: boolean } = {},
) {
  const db = options.db ?? createMemoryDatabase(options.initial);
  const store = gateWrites(db.open());
  const clock = { t: T0 };
  const cards = createFlashcardSession({
    bank,
    bankId: 'bundled',
    store,
    now: () => clock.t,
    newId: () => `review-${++ids}`,
    calendar: fixedOffsetCalendar(0),
  });
  if (options.listen !== false) cards.subscribe(() => {});
  await cards.dispatch({ type: 'arrive' });
  return { cards, store, clock, db };
}

const session = (cards: FlashcardController) => cards.getState().session;
/** The card on screen and which side: `front q-np`. */
function onScreen(cards: FlashcardController) {
  const s = session(cards);
  return s.status === 'front' || s.status === 'back' ? `${s.status} ${s.questionId}` : s.status;
}
const due = (cards: FlashcardController) => cards.getState().queue?.due;

async function rateShown(cards: FlashcardController, store: GatedStore, n: 1 | 2 | 3 | 4) {
  void cards.dispatch({ type: 'space' });
  void cards.dispatch({ type: 'number', n });
  await store.release();
}

describe('flashcard session: the save order', () => {
  it('keeps the rated card on screen until its rating is saved, then shows the next', async () => {
    const { cards, store } = await open();
    const first = session(cards);
    expect(due(cards)).toBe(4);
    void cards.dispatch({ type: 'space' });
    expect(onScreen(cards)).toMatch(/^back /);
    void cards.dispatch({ type: 'rate', rating: 3 });
    expect(store.waiting).toEqual(['addReviewLog']);
    expect(cards.getState().saving).toBe(true);
    expect(onScreen(cards)).toBe(`back ${'questionId' in first ? first.questionId : ''}`);
    expect(await store.listReviewLogs()).toEqual([]);
    await store.release();
    expect(onScreen(cards)).toMatch(/^front /);
    expect(onScreen(cards)).not.toContain('questionId' in first ? first.questionId : '?');
    expect(due(cards)).toBe(3);
    expect(cards.getState().saving).toBe(false);
    expect(await store.listReviewLogs()).toHaveLength(1);
    expect(cards.getState().announcement.text).toBe(
      'Rated Good; next review in 10 minutes. 3 to go.',
    );
  });

  it('ignores a double rating: the second press waits, then is dropped with the card it was for', async () => {
    const { cards, store } = await open();
    void cards.dispatch({ type: 'space' });
    void cards.dispatch({ type: 'number', n: 3 });
    void cards.dispatch({ type: 'number', n: 3 });
    void cards.dispatch({ type: 'rate', rating: 1 });
    expect(store.waiting).toEqual(['addReviewLog']);
    await store.release();
    expect(store.waiting).toEqual([]);
    expect((await store.listReviewLogs()).map((l) => l.rating)).toEqual([3]);
    expect(onScreen(cards)).toMatch(/^front /);
    expect(session(cards).reviews).toHaveLength(1);
  });

  it('in choose-first mode, a key pressed during the save does not pick a type on the next card', async () => {
    const { cards, store } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, mode: 'choose-first' } },
    });
    void cards.dispatch({ type: 'number', n: 2 });
    expect(onScreen(cards)).toMatch(/^back /);
    void cards.dispatch({ type: 'enter' });
    void cards.dispatch({ type: 'number', n: 3 });
    await store.release();
    expect(onScreen(cards)).toMatch(/^front /);
    expect(store.waiting).toEqual([]);
  });

  it('undo takes the rating back once that is saved, and shows the card again', async () => {
    const { cards, store } = await open();
    const first = onScreen(cards);
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'undo' });
    expect(store.waiting).toEqual(['deleteReviewLog']);
    expect(onScreen(cards)).not.toBe(first);
    await store.release();
    expect(onScreen(cards)).toBe(first);
    expect(session(cards).reviews).toEqual([]);
    expect(await store.listReviewLogs()).toEqual([]);
    expect(due(cards)).toBe(4);
  });
});

describe('flashcard session: save failures', () => {
  it('shows why a rating was not saved, keeps the card, and a second rating saves it', async () => {
    const { cards, store } = await open();
    void cards.dispatch({ type: 'space' });
    const back = onScreen(cards);
    void cards.dispatch({ type: 'rate', rating: 3 });
    // Pressed before the failure was shown: dropped, so the learner reads the message first.
    void cards.dispatch({ type: 'rate', rating: 4 });
    await store.fail(new Error('QuotaExceededError: the disk is full'));
    expect(cards.getState().saveError).toBe(
      'Your rating could not be saved (QuotaExceededError: the disk is full). The card stays on screen: rate it again to retry.',
    );
    expect(onScreen(cards)).toBe(back);
    expect(store.waiting).toEqual([]);
    expect(session(cards).reviews).toEqual([]);
    expect(due(cards)).toBe(4);

    void cards.dispatch({ type: 'rate', rating: 3 });
    await store.release();
    expect(cards.getState().saveError).toBeNull();
    expect((await store.listReviewLogs()).map((l) => l.rating)).toEqual([3]);
    expect(due(cards)).toBe(3);
  });

  it('says when an undo could not be saved, and keeps the rating', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'undo' });
    await store.fail(new Error('disk full'));
    expect(cards.getState().saveError).toBe('The last rating could not be taken back (disk full).');
    expect(session(cards).reviews).toHaveLength(1);
    expect(await store.listReviewLogs()).toHaveLength(1);
  });

  it('says when saved reviews cannot be read', async () => {
    const db = createMemoryDatabase();
    const { cards } = await open({
      db: {
        open: () => ({
          ...db.open(),
          listReviewLogs: () => Promise.reject(new Error('storage is blocked')),
        }),
      },
    });
    expect(cards.getState().data).toEqual({ status: 'failed', message: 'storage is blocked' });
    expect(cards.getState().queue).toBeNull();
  });

  it('saving settings that cannot be stored rejects and changes nothing', async () => {
    const { cards, store } = await open();
    const saving = cards.dispatch({
      type: 'save-settings',
      settings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 1 },
    });
    const failure = saving.catch((error: unknown) => error);
    await store.fail(new Error('disk full'));
    expect(await failure).toEqual(new Error('disk full'));
    expect(cards.getState().ready?.settings).toEqual(DEFAULT_FLASHCARD_SETTINGS);
    expect(due(cards)).toBe(4);
  });
});

describe('flashcard session: other tabs', () => {
  it('reads in another tab’s review when it arrives', async () => {
    const { cards, db } = await open();
    const first = session(cards);
    const other = db.open();
    await other.addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    expect(due(cards)).toBe(3);
    // The card on screen stays, unless another tab reviewed it.
    if ('questionId' in first && first.questionId !== 'q-np')
      expect(session(cards)).toMatchObject({ questionId: first.questionId });
  });

  it('waits until the card on screen is rated before reading in another tab’s review', async () => {
    const { cards, store, db } = await open();
    void cards.dispatch({ type: 'space' });
    const shown = session(cards);
    const other = db.open();
    const elsewhere = bank.questions.find(
      (q) => 'questionId' in shown && q.id !== shown.questionId,
    )!;
    await other.addReviewLog(makeReview('elsewhere', elsewhere.id, T0 - 1000, 4));
    await settle();
    expect(session(cards)).toBe(shown);
    expect(due(cards)).toBe(4);
    void cards.dispatch({ type: 'rate', rating: 4 });
    await store.release();
    expect(due(cards)).toBe(2);
    expect(cards.getState().ready?.events.map((e) => e.id)).toContain('elsewhere');
  });

  it('does not hear other tabs once nothing listens to it', async () => {
    const { cards, db } = await open({ listen: false });
    await db.open().addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    expect(due(cards)).toBe(4);
  });
});

describe('flashcard session: studying', () => {
  it('ends a session with a summary and resumes it with the next card', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'end' });
    expect(onScreen(cards)).toBe('summary');
    void cards.dispatch({ type: 'resume' });
    expect(onScreen(cards)).toMatch(/^front /);
  });

  it('filters the queue, and studies ahead once nothing is due', async () => {
    const { cards, store } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 1 } },
    });
    const rated = cards.getState().current!;
    await rateShown(cards, store, 4);
    expect(onScreen(cards)).toBe('idle');
    void cards.dispatch({ type: 'study-ahead' });
    expect(onScreen(cards)).toMatch(/^front /);
    expect(session(cards).ahead).toBe(true);
    const other = rated.answer === 'NodePort' ? 'ClusterIP' : 'NodePort';
    void cards.dispatch({ type: 'filter', filter: { types: new Set([other]), tag: null } });
    expect(cards.getState().current?.answer).toBe(other);
  });

  it('saving settings replays every review with them', async () => {
    const { cards, store } = await open();
    const saving = cards.dispatch({
      type: 'save-settings',
      settings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 2 },
    });
    await store.release();
    await saving;
    expect(due(cards)).toBe(2);
    expect(await store.loadFlashcardSettings()).toMatchObject({ dailyNewLimit: 2 });
  });

  it('loads once, however often arrival is asked for', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    await cards.dispatch({ type: 'arrive' });
    expect(session(cards).reviews).toHaveLength(1);
    expect(due(cards)).toBe(3);
  });
});

/** Counts the store's reads of reviews, so a test can tell when the deck was read again. */
function countingReads(db: MemoryDatabase) {
  const reads = { n: 0 };
  const counted: MemoryDatabase = {
    open: () => {
      const inner = db.open();
      return {
        ...inner,
        listReviewLogs: () => {
          reads.n += 1;
          return inner.listReviewLogs();
        },
      };
    },
  };
  return { counted, reads };
}

const onlyType = (cards: FlashcardController) => {
  const answer = cards.getState().current!.answer;
  return { types: new Set([answer]), tag: null };
};

describe('flashcard session: details the save order rests on', () => {
  it('is loading, empty and not saving before arrival', () => {
    const cards = createFlashcardSession({
      bank,
      bankId: 'bundled',
      store: createMemoryDatabase().open(),
      now: () => T0,
      newId: () => 'review',
      calendar: fixedOffsetCalendar(0),
    });
    expect(cards.getState()).toMatchObject({
      data: { status: 'loading' },
      cards: [],
      saving: false,
      saveError: null,
      announcement: { text: '', n: 0 },
    });
  });

  it('has no cards when saved reviews cannot be read', async () => {
    const db = createMemoryDatabase();
    const broken = {
      open: () => ({ ...db.open(), listReviewLogs: () => Promise.reject(new Error('blocked')) }),
    };
    const { cards } = await open({ db: broken });
    expect(cards.getState().cards).toEqual([]);
  });

  it('announces each rating anew, so a screen reader reads the same words twice', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    expect(cards.getState().announcement.n).toBe(1);
    await rateShown(cards, store, 3);
    expect(cards.getState().announcement.n).toBe(2);
  });

  it('is not saving after a rating that failed, and the card stays', async () => {
    const { cards, store } = await open();
    void cards.dispatch({ type: 'space' });
    void cards.dispatch({ type: 'rate', rating: 3 });
    await store.fail();
    expect(cards.getState().saving).toBe(false);
  });

  it('writes nothing for a rating with no card turned over, or an undo with nothing rated', async () => {
    const { cards, store } = await open();
    await cards.dispatch({ type: 'rate', rating: 3 });
    await cards.dispatch({ type: 'undo' });
    expect(store.waiting).toEqual([]);
    expect(cards.getState()).toMatchObject({ saving: false, saveError: null });
    expect(onScreen(cards)).toMatch(/^front /);
  });

  it('says it is saving while an undo is in flight, and says what it took back', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'undo' });
    expect(cards.getState().saving).toBe(true);
    await store.release();
    expect(cards.getState().saving).toBe(false);
    expect(cards.getState().announcement.text).toBe('Took back Good. The card is shown again.');
  });

  it('is not saving after an undo that failed', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'undo' });
    await store.fail();
    expect(cards.getState().saving).toBe(false);
  });

  it('undo takes back only the last rating from the deck', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    await rateShown(cards, store, 3);
    void cards.dispatch({ type: 'undo' });
    await store.release();
    const ids = cards.getState().ready?.events.map((e) => e.id) ?? [];
    expect(ids).toHaveLength(1);
    expect(ids).toEqual((await store.listReviewLogs()).map((l) => l.id));
  });

  it('saving settings does not wait for a rating in flight', async () => {
    const { cards, store } = await open();
    void cards.dispatch({ type: 'space' });
    void cards.dispatch({ type: 'rate', rating: 3 });
    void cards.dispatch({
      type: 'save-settings',
      settings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 2 },
    });
    expect(store.waiting).toEqual(['addReviewLog', 'saveFlashcardSettings']);
  });
});

describe('flashcard session: keys', () => {
  it('Enter rates a choose-first card with the suggested rating', async () => {
    const { cards, store } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, mode: 'choose-first' } },
    });
    const answer = cards.getState().current!.answer;
    const n = (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const).indexOf(answer);
    void cards.dispatch({ type: 'number', n: (n + 1) as 1 | 2 | 3 | 4 });
    const s = session(cards);
    expect(s.status === 'back' && s.suggested).not.toBeNull();
    void cards.dispatch({ type: 'enter' });
    expect(store.waiting).toEqual(['addReviewLog']);
    await store.release();
    expect((await store.listReviewLogs()).map((l) => l.rating)).toEqual([
      s.status === 'back' ? s.suggested : 'none',
    ]);
  });

  it('Enter does nothing on a card with no suggestion, turned over or not', async () => {
    const { cards, store } = await open();
    await cards.dispatch({ type: 'enter' });
    void cards.dispatch({ type: 'space' });
    await cards.dispatch({ type: 'enter' });
    expect(store.waiting).toEqual([]);
    expect(onScreen(cards)).toMatch(/^back /);
  });

  it('a number on the front of a card turns nothing over outside choose-first mode', async () => {
    const { cards, store } = await open();
    await cards.dispatch({ type: 'number', n: 1 });
    expect(onScreen(cards)).toMatch(/^front /);
    expect(store.waiting).toEqual([]);
  });
});

describe('flashcard session: catching up with other tabs', () => {
  it('does not read progress again after its own rating when no other tab changed it', async () => {
    const { counted, reads } = countingReads(createMemoryDatabase());
    const { cards, store } = await open({ db: counted });
    expect(reads.n).toBe(1);
    await rateShown(cards, store, 3);
    await cards.dispatch({ type: 'arrive' });
    expect(reads.n).toBe(1);
  });

  it('reads another tab’s review once, after the card is rated, keeping the filter', async () => {
    const db = createMemoryDatabase();
    const { counted, reads } = countingReads(db);
    const { cards, store } = await open({ db: counted });
    const filter = onlyType(cards);
    await cards.dispatch({ type: 'filter', filter });
    void cards.dispatch({ type: 'space' });
    await db.open().addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    expect(reads.n).toBe(1);
    void cards.dispatch({ type: 'rate', rating: 3 });
    await store.release();
    expect(reads.n).toBe(2);
    expect(cards.getState().filter).toBe(filter);
    expect(cards.getState().ready?.events.map((e) => e.id)).toContain('elsewhere');
    // Caught up: the next save (here an undo) does not read again.
    void cards.dispatch({ type: 'undo' });
    await store.release();
    expect(session(cards).reviews).toEqual([]);
    expect(reads.n).toBe(2);
  });

  it('does not read another tab’s review under a card whose rating failed', async () => {
    const { cards, store, db } = await open();
    void cards.dispatch({ type: 'space' });
    const shown = session(cards);
    await db.open().addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    void cards.dispatch({ type: 'rate', rating: 3 });
    await store.fail();
    expect(session(cards)).toBe(shown);
    expect(cards.getState().ready?.events).toEqual([]);
  });

  it('keeps the filter when another tab’s review is read in on the front of a card', async () => {
    const { cards, db } = await open();
    const filter = onlyType(cards);
    await cards.dispatch({ type: 'filter', filter });
    await db.open().addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    expect(cards.getState().ready?.events.map((e) => e.id)).toContain('elsewhere');
    expect(cards.getState().filter).toBe(filter);
  });

  it('arrival asked again keeps the filter', async () => {
    const { cards } = await open();
    const filter = onlyType(cards);
    await cards.dispatch({ type: 'filter', filter });
    await cards.dispatch({ type: 'arrive' });
    expect(cards.getState().filter).toBe(filter);
  });
});

describe('flashcard session: more of the save order', () => {
  it('drops a key pressed during an undo that failed, so the learner first reads why', async () => {
    const { cards, store } = await open();
    await rateShown(cards, store, 3);
    const shown = onScreen(cards);
    void cards.dispatch({ type: 'undo' });
    void cards.dispatch({ type: 'space' });
    await store.fail();
    expect(cards.getState().saveError).not.toBeNull();
    expect(onScreen(cards)).toBe(shown);
  });

  it('reads again when a rating lands while another tab’s change is being read', async () => {
    const db = createMemoryDatabase();
    let holding = false;
    const held: (() => void)[] = [];
    const slowReads: MemoryDatabase = {
      open: () => {
        const inner = db.open();
        return {
          ...inner,
          listReviewLogs: () => {
            const read = inner.listReviewLogs();
            if (!holding) return read;
            return new Promise((resolve) => held.push(() => void read.then(resolve)));
          },
        };
      },
    };
    const { cards, store } = await open({ db: slowReads });
    holding = true;
    await db.open().addReviewLog(makeReview('elsewhere', 'q-np', T0 - 1000, 4));
    await settle();
    expect(held).toHaveLength(1);
    holding = false;
    // While that read is out, this tab rates a card and the rating is saved.
    await rateShown(cards, store, 3);
    const mine = (await store.listReviewLogs()).find((l) => l.id !== 'elsewhere')!;
    held.shift()!();
    await settle();
    const events = cards.getState().ready?.events.map((e) => e.id);
    expect(events).toContain('elsewhere');
    expect(events).toContain(mine.id);
  });

  it('saves no settings before the deck is read', async () => {
    const store = gateWrites(createMemoryDatabase().open());
    const cards = createFlashcardSession({
      bank,
      bankId: 'bundled',
      store,
      now: () => T0,
      newId: () => 'review',
      calendar: fixedOffsetCalendar(0),
    });
    await cards.dispatch({ type: 'save-settings', settings: DEFAULT_FLASHCARD_SETTINGS });
    await cards.dispatch({ type: 'end' });
    await cards.dispatch({ type: 'resume' });
    expect(store.waiting).toEqual([]);
  });

  it('shows the next card on refresh once one is due', async () => {
    const { cards, store, clock } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 1 } },
    });
    await rateShown(cards, store, 4);
    expect(onScreen(cards)).toBe('idle');
    await cards.dispatch({ type: 'refresh' });
    expect(onScreen(cards)).toBe('idle');
    // Months later the rated card is due again, and a new day allows a new card.
    clock.t += 90 * 86_400_000;
    await cards.dispatch({ type: 'refresh' });
    expect(onScreen(cards)).toMatch(/^front /);
  });

  it('in choose-first mode, a number on the turned card rates it', async () => {
    const { cards, store } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, mode: 'choose-first' } },
    });
    void cards.dispatch({ type: 'number', n: 1 });
    expect(onScreen(cards)).toMatch(/^back /);
    void cards.dispatch({ type: 'number', n: 4 });
    expect(store.waiting).toEqual(['addReviewLog']);
    await store.release();
    expect((await store.listReviewLogs()).map((l) => l.rating)).toEqual([4]);
  });

  it('studying ahead does not show the card just rated again', async () => {
    const { cards, store } = await open({
      initial: { flashcardSettings: { ...DEFAULT_FLASHCARD_SETTINGS, dailyNewLimit: 1 } },
    });
    await rateShown(cards, store, 4);
    void cards.dispatch({ type: 'study-ahead' });
    const first = onScreen(cards);
    expect(first).toMatch(/^front /);
    await rateShown(cards, store, 4);
    expect(onScreen(cards)).not.toBe(first);
  });
});
