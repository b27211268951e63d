import { describe, expect, it } from 'vitest';
import type { ProgressData } from '../../../src/domain/progress-export';
import type { ProgressStore } from '../../../src/domain/progress-store';
import type { QuizState } from '../../../src/domain/quiz-session';
import type { ServiceType } from '../../../src/domain/service-types';
import {
  createQuizSession,
  FINISHED_ELSEWHERE,
  MOVED_ON,
  type QuizController,
} from '../../../src/features/quiz/quiz-session-controller';
import { fourTypeBank } from '../../factories';
import { makeAnswer, makeResult } from '../../factories-progress';
import { gateWrites, settle, type GatedStore } from '../../fakes/gated-progress-store';
import { createMemoryDatabase, type MemoryDatabase } from '../../fakes/memory-progress-store';

const bank = fourTypeBank();
const LINK = 'count=4&seed=abc&start=1';

let ids = 0;

/**
 * Opens the quiz page's session on a tab of `db`, as the page does, and lets every write of the
 * arrival through. `listen: false` leaves the session deaf to other tabs.
 */
async function arrive(query: string, db: MemoryDatabase = createMemoryDatabase(), listen = true) {
  const store = gateWrites(db.open());
  let t = 1_000_000;
  const session = createQuizSession({
    bank,
    bankId: 'bundled',
    store,
    now: () => (t += 1000),
    newSeed: () => `seed-${++ids}`,
    newId: () => `quiz-${++ids}`,
    query,
  });
  if (listen) session.subscribe(() => {});
  const arriving = session.dispatch({ type: 'arrive' });
  await releaseAll(store);
  await arriving;
  return { session, store, db, now: () => (t += 1000) };
}

async function releaseAll(store: GatedStore) {
  await settle();
  while (store.waiting.length > 0) await store.release();
}

/** Answers all four questions of the link's quiz right in `tab`, each saved before the next. */
async function finishRight(tab: Awaited<ReturnType<typeof arrive>>) {
  for (let i = 0; i < 4; i++) {
    void tab.session.dispatch({
      type: 'choose',
      choice: answersNow(tab.session).right,
      now: tab.now(),
    });
    void tab.session.dispatch({ type: 'next', now: tab.now() });
    await releaseAll(tab.store);
  }
}

/**
 * A one-question NodePort quiz answered with `choice`: the answer is saved, the result's save
 * fails. The quiz shows as finished, with the result kept unsaved.
 */
async function finishWithUnsavedResult(choice: ServiceType) {
  const tab = await arrive('count=1&types=NodePort&start=1');
  void tab.session.dispatch({ type: 'choose', choice, now: tab.now() });
  await tab.store.release();
  void tab.session.dispatch({ type: 'next', now: tab.now() });
  await tab.store.fail();
  return tab;
}

const quiz = (session: QuizController) => session.getState().quiz;

function playing(session: QuizController) {
  const q = quiz(session);
  if (q.status !== 'asking' && q.status !== 'answered') throw new Error(`quiz is ${q.status}`);
  return q;
}

/** The right answer to the question on screen, and a wrong one. */
function answersNow(session: QuizController): { right: ServiceType; wrong: ServiceType } {
  const q = playing(session);
  const right = q.items[q.index]!.answer;
  return { right, wrong: right === 'NodePort' ? 'ClusterIP' : 'NodePort' };
}

const stored = async (store: ProgressStore) => (await store.loadActiveQuiz('bundled')).quiz;
const at = (q: QuizState) => ('index' in q ? `${q.status} ${q.index}` : q.status);

describe('quiz session: the save order', () => {
  it('shows feedback at once, but the next question only once the answer and the move are saved', async () => {
    const { session, store, now } = await arrive(LINK);
    const { right } = answersNow(session);
    void session.dispatch({ type: 'choose', choice: right, now: now() });
    expect(at(quiz(session))).toBe('answered 0');
    expect(session.getState().saving).toBe(true);
    expect(store.waiting).toEqual(['saveActiveQuiz']);
    expect((await stored(store))?.answers).toEqual([]);

    void session.dispatch({ type: 'next', now: now() });
    expect(at(quiz(session))).toBe('answered 0');
    await store.release();
    // The answer is stored; the move to question 2 is now in flight, and not shown before it lands.
    expect((await stored(store))?.answers).toHaveLength(1);
    expect(store.waiting).toEqual(['saveActiveQuiz']);
    expect(at(quiz(session))).toBe('answered 0');
    await store.release();
    expect(at(quiz(session))).toBe('asking 1');
    expect(at((await stored(store))!)).toBe('asking 1');
    expect(session.getState().saving).toBe(false);
  });

  it('keeps the position: a reload right after the next question shows resumes there', async () => {
    const db = createMemoryDatabase();
    const { session, store, now } = await arrive(LINK, db);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    await store.release();
    void session.dispatch({ type: 'next', now: now() });
    await store.release();
    expect(at(quiz(session))).toBe('asking 1');
    const reloaded = await arrive('', db);
    expect(at(quiz(reloaded.session))).toBe('asking 1');
  });

  it('in exam style, stays on the question until the answer is saved, then shows the next', async () => {
    const { session, store, now } = await arrive(`${LINK}&feedback=end`);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    expect(at(quiz(session))).toBe('asking 0');
    await store.release();
    expect(at(quiz(session))).toBe('asking 1');
  });

  it('shows the results only once the finished quiz is in history', async () => {
    const { session, store, now } = await arrive('count=1&types=NodePort&start=1');
    void session.dispatch({ type: 'choose', choice: 'NodePort', now: now() });
    await store.release();
    void session.dispatch({ type: 'next', now: now() });
    expect(store.waiting).toEqual(['finishQuiz']);
    expect(at(quiz(session))).toBe('answered 0');
    await store.release();
    expect(at(quiz(session))).toBe('finished');
    expect(await store.listQuizResults()).toHaveLength(1);
    expect(session.getState().address).toBe(`result=${playingId(await store.listQuizResults())}`);
  });

  it('runs input given during a save afterwards, in the order given', async () => {
    const { session, store, now } = await arrive(`${LINK}&confidence=1`);
    const { right, wrong } = answersNow(session);
    void session.dispatch({ type: 'choose', choice: wrong, now: now() });
    expect(store.waiting).toEqual(['saveActiveQuiz']);
    // While the first pick is saved: change the pick, then confirm it. Run the other way round,
    // the confirmation would record the first pick.
    void session.dispatch({ type: 'choose', choice: right, now: now() });
    void session.dispatch({ type: 'confirm', confidence: 'sure', now: now() });
    expect(playing(session).answers).toEqual([]);
    await releaseAll(store);
    const q = playing(session);
    expect(q.answers).toHaveLength(1);
    expect(q.answers[0]).toMatchObject({ choice: right, correct: true, confidence: 'sure' });
  });

  it('runs Enter pressed while the answer is saved once it is, and goes on', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    void session.dispatch({ type: 'next', now: now() });
    await releaseAll(store);
    expect(at(quiz(session))).toBe('asking 1');
  });

  it('drops input given for a screen that a save then left: it never answers an unseen question', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    await store.release();
    void session.dispatch({ type: 'next', now: now() });
    // Pressed on question 1's feedback, while the move to question 2 is saved.
    void session.dispatch({ type: 'choose', choice: 'ClusterIP', now: now() });
    void session.dispatch({ type: 'next', now: now() });
    await releaseAll(store);
    expect(at(quiz(session))).toBe('asking 1');
    expect(playing(session).answers).toHaveLength(1);
  });
});

const playingId = (results: { quizId: string }[]) => results[0]?.quizId;

describe('quiz session: other tabs', () => {
  async function twoTabs() {
    const db = createMemoryDatabase();
    const a = await arrive(LINK, db);
    const b = await arrive('', db);
    expect(at(quiz(b.session))).toBe('asking 0');
    return { a, b };
  }

  it('a stale tab follows the tab that moved on, and says so', async () => {
    const { a, b } = await twoTabs();
    void a.session.dispatch({ type: 'choose', choice: answersNow(a.session).right, now: a.now() });
    await a.store.release();
    void a.session.dispatch({ type: 'next', now: a.now() });
    await a.store.release();
    await settle();
    expect(at(quiz(b.session))).toBe('asking 1');
    expect(b.session.getState().notice).toBe(MOVED_ON);
    expect(playing(b.session).answers).toHaveLength(1);
  });

  it('does not follow a store that is not further on than this tab', async () => {
    const { a, b } = await twoTabs();
    // Tab B's answer is in flight, so the store is behind B when tab A writes something else.
    void b.session.dispatch({ type: 'choose', choice: answersNow(b.session).right, now: b.now() });
    const before = quiz(b.session);
    void a.session.dispatch({ type: 'new-quiz' });
    await a.store.release();
    await settle();
    expect(quiz(b.session)).toBe(before);
    expect(b.session.getState().notice).toBeNull();
    await b.store.release();
    expect(playing(b.session).answers).toHaveLength(1);
  });

  it('a tab whose save is refused as stale shows where the quiz is instead of overwriting', async () => {
    const db = createMemoryDatabase();
    const a = await arrive(LINK, db);
    const b = await arrive('', db, false);
    void a.session.dispatch({ type: 'choose', choice: answersNow(a.session).right, now: a.now() });
    void a.session.dispatch({ type: 'next', now: a.now() });
    await releaseAll(a.store);
    // Tab B never heard of that: it answers question 1 again, wrongly.
    void b.session.dispatch({ type: 'choose', choice: answersNow(b.session).wrong, now: b.now() });
    await b.store.release();
    expect(at(quiz(b.session))).toBe('asking 1');
    expect(b.session.getState().notice).toBe(MOVED_ON);
    expect(playing(b.session).answers[0]?.correct).toBe(true);
    expect((await stored(b.store))?.answers).toMatchObject([{ correct: true }]);
  });

  it('a quiz finished in another tab shows its results here', async () => {
    const { a, b } = await twoTabs();
    await finishRight(a);
    expect(at(quiz(a.session))).toBe('finished');
    await settle();
    expect(at(quiz(b.session))).toBe('finished');
    expect(b.session.getState().notice).toBe(FINISHED_ELSEWHERE);
  });
});

describe('quiz session: save failures', () => {
  it('shows why an answer was not saved, keeps it, and saves it with the next move', async () => {
    const { session, store, now } = await arrive(LINK);
    const { right } = answersNow(session);
    void session.dispatch({ type: 'choose', choice: right, now: now() });
    await store.fail(new Error('QuotaExceededError: the disk is full'));
    expect(session.getState().saveError).toMatch(
      /^Your last answer could not be saved \(QuotaExceededError: the disk is full\)\./,
    );
    expect(playing(session).answers).toHaveLength(1);
    expect((await stored(store))?.answers).toEqual([]);

    void session.dispatch({ type: 'next', now: now() });
    await store.release();
    expect(session.getState().saveError).toBeNull();
    expect((await stored(store))?.answers).toMatchObject([{ choice: right, correct: true }]);
  });

  it('drops input that waited on a save that failed, so the learner first reads why', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    void session.dispatch({ type: 'next', now: now() });
    await store.fail();
    expect(at(quiz(session))).toBe('answered 0');
    expect(store.waiting).toEqual([]);
  });

  it('keeps a result that could not be saved, and saves it when asked to try again', async () => {
    const { session, store } = await finishWithUnsavedResult('NodePort');
    expect(at(quiz(session))).toBe('finished');
    expect(session.getState().saveError).not.toBeNull();
    expect(await store.listQuizResults()).toEqual([]);

    void session.dispatch({ type: 'retry-save' });
    expect(store.waiting).toEqual(['finishQuiz']);
    await store.release();
    expect(session.getState().saveError).toBeNull();
    expect(await store.listQuizResults()).toHaveLength(1);
    expect(await stored(store)).toBeNull();
  });

  it('says so when saved progress cannot be opened, and the quiz still works', async () => {
    const db = createMemoryDatabase();
    const broken: MemoryDatabase = {
      open: () => ({
        ...db.open(),
        loadActiveQuiz: () => Promise.reject(new Error('storage is blocked')),
      }),
    };
    const { session } = await arrive('count=2&start=0', broken);
    expect(session.getState().alerts).toEqual([
      'Saved progress could not be opened (storage is blocked). Quizzes still work, but results may not be kept.',
    ]);
    expect(session.getState().arrived).toBe(true);
  });
});

describe('quiz session: arrival', () => {
  const unfinishedDb = async (initial: Partial<ProgressData> = {}) => {
    const db = createMemoryDatabase(initial);
    const { session, store, now } = await arrive(LINK, db);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    void session.dispatch({ type: 'next', now: now() });
    await releaseAll(store);
    return db;
  };

  it('starts the quiz a link names, and the address names it', async () => {
    const { session, store } = await arrive(LINK);
    expect(at(quiz(session))).toBe('asking 0');
    expect(session.getState().address).toBe('count=4&seed=abc&start=1');
    expect((await stored(store))?.meta).toMatchObject({ seed: 'abc', kind: 'new' });
  });

  it('resumes an unfinished quiz when the link names the same quiz, or none', async () => {
    const db = await unfinishedDb();
    expect(at(quiz((await arrive(LINK, db)).session))).toBe('asking 1');
    expect(at(quiz((await arrive('', db)).session))).toBe('asking 1');
  });

  it('asks first when a link names another quiz, and can resume the unfinished one', async () => {
    const db = await unfinishedDb();
    const { session, store } = await arrive('count=2&seed=other&start=1', db);
    expect(session.getState().unfinished).toMatchObject({ index: 1 });
    expect(at(quiz(session))).toBe('not-started');
    const resuming = session.dispatch({ type: 'resume-unfinished' });
    await releaseAll(store);
    await resuming;
    expect(session.getState().unfinished).toBeNull();
    expect(at(quiz(session))).toBe('asking 1');
    expect(playing(session).items).toHaveLength(4);
  });

  it('asks first, and can start the new quiz instead', async () => {
    const db = await unfinishedDb();
    const { session, store } = await arrive('count=2&seed=other&start=1', db);
    const starting = session.dispatch({ type: 'start-new-instead' });
    await releaseAll(store);
    await starting;
    expect(playing(session).items).toHaveLength(2);
    expect((await stored(store))?.meta.seed).toBe('other');
  });

  it('shows a past result the address names, or says it is not in this browser', async () => {
    const result = makeResult('done-1', [makeAnswer('q-np', 'NodePort', 'ClusterIP')]);
    const db = createMemoryDatabase({ quizResults: [result] });
    expect((await arrive('result=done-1', db)).session.getState().pastResult).toEqual(result);
    const missing = (await arrive('result=nope', db)).session.getState();
    expect(missing.pastResult).toBeNull();
    expect(missing.alerts).toEqual([
      'That quiz result is not in this browser’s history. Start a new quiz below.',
    ]);
  });

  it('retries the mistakes of a past result', async () => {
    const result = makeResult('done-1', [
      makeAnswer('q-np', 'NodePort', 'ClusterIP'),
      makeAnswer('q-cip', 'ClusterIP', 'ClusterIP'),
    ]);
    const { session, store } = await arrive(
      'result=done-1',
      createMemoryDatabase({ quizResults: [result] }),
    );
    const retrying = session.dispatch({ type: 'retry-mistakes' });
    await releaseAll(store);
    await retrying;
    expect(playing(session).items).toEqual([{ questionId: 'q-np', answer: 'NodePort' }]);
    expect(playing(session).meta.kind).toBe('retry');
    expect(session.getState().pastResult).toBeNull();
  });

  it('starts weak-spot practice from history, or says there is nothing to practise', async () => {
    const none = await arrive('practice=weak&count=3');
    expect(at(quiz(none.session))).toBe('not-started');
    expect(none.session.getState().alerts[0]).toMatch(
      /^There are no mistakes in your quiz history/,
    );

    const result = makeResult('done-1', [makeAnswer('q-np', 'NodePort', 'ClusterIP')]);
    const { session } = await arrive(
      'practice=weak&count=3',
      createMemoryDatabase({ quizResults: [result] }),
    );
    expect(playing(session).meta.kind).toBe('practice');
    expect(playing(session).items).toHaveLength(3);
    expect(session.getState().address).toBe('');
  });

  it('cannot resume a quiz whose questions left the bank: says so and discards it', async () => {
    const db = await unfinishedDb();
    const tab = db.open();
    const saved = (await tab.loadActiveQuiz('bundled')).quiz!;
    await tab.clearActiveQuiz('bundled');
    await tab.saveActiveQuiz({
      ...saved,
      items: [...saved.items, { questionId: 'gone' as never, answer: 'NodePort' }],
    });
    const { session, store } = await arrive('', db);
    expect(at(quiz(session))).toBe('not-started');
    expect(session.getState().alerts[0]).toMatch(
      /1 of its questions are no longer in the question/,
    );
    expect(await stored(store)).toBeNull();
  });

  it('handles arrival once, however often it is asked (React runs effects twice in development)', async () => {
    const { session, store } = await arrive(LINK);
    void session.dispatch({ type: 'arrive' });
    await settle();
    expect(store.waiting).toEqual([]);
  });

  it('a new quiz from the results leaves history alone and goes back to the setup form', async () => {
    const { session, store, now } = await arrive('count=1&types=NodePort&start=1');
    void session.dispatch({ type: 'choose', choice: 'NodePort', now: now() });
    void session.dispatch({ type: 'next', now: now() });
    await releaseAll(store);
    await session.dispatch({ type: 'new-quiz' });
    expect(at(quiz(session))).toBe('not-started');
    expect(store.waiting).toEqual([]);
    expect(session.getState().address).toBe('');
    expect(await store.listQuizResults()).toHaveLength(1);
  });

  it('quitting an unfinished quiz discards it once that is saved', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: 'NodePort', now: now() });
    await store.release();
    void session.dispatch({ type: 'new-quiz' });
    expect(store.waiting).toEqual(['clearActiveQuiz']);
    expect(at(quiz(session))).toBe('answered 0');
    await store.release();
    expect(at(quiz(session))).toBe('not-started');
    expect(await stored(store)).toBeNull();
  });
});

describe('quiz session: details the save order rests on', () => {
  it('is not arrived and not saving before arrival has run', () => {
    const session = createQuizSession({
      bank,
      bankId: 'bundled',
      store: createMemoryDatabase().open(),
      now: () => 0,
      newSeed: () => 'seed',
      newId: () => 'quiz',
      query: LINK,
    });
    expect(session.getState()).toMatchObject({ arrived: false, saving: false, saveError: null });
  });

  it('says it is saving while the move to the next question is in flight', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    await store.release();
    expect(session.getState().saving).toBe(false);
    void session.dispatch({ type: 'next', now: now() });
    expect(session.getState().saving).toBe(true);
    expect(at(quiz(session))).toBe('answered 0');
    await store.release();
    expect(session.getState().saving).toBe(false);
  });

  it('writes nothing for input that changes nothing', async () => {
    const { session, store, now } = await arrive(LINK);
    // "Next" before any answer is picked does not move the quiz.
    await session.dispatch({ type: 'next', now: now() });
    expect(store.waiting).toEqual([]);
    expect(session.getState().saving).toBe(false);
  });

  it('says in full why an answer was not saved and what to do', async () => {
    const { session, store, now } = await arrive(LINK);
    void session.dispatch({ type: 'choose', choice: answersNow(session).right, now: now() });
    await store.fail(new Error('the disk is full'));
    expect(session.getState().saveError).toBe(
      'Your last answer could not be saved (the disk is full). Nothing is lost while this tab ' +
        'stays open: keep going and it is saved with your next answer, or try again.',
    );
  });

  it('keeps an unsaved result and its message while another quiz saves, until the result is saved', async () => {
    const { session, store } = await finishWithUnsavedResult('ClusterIP');
    expect(at(quiz(session))).toBe('finished');
    const message = session.getState().saveError;
    expect(message).not.toBeNull();

    // Retrying the mistake starts another quiz, which saves fine; it does not carry the result.
    void session.dispatch({ type: 'retry-mistakes' });
    await releaseAll(store);
    expect(at(quiz(session))).toBe('asking 0');
    expect(session.getState().saveError).toBe(message);
    expect(await store.listQuizResults()).toEqual([]);

    void session.dispatch({ type: 'retry-save' });
    expect(session.getState().saving).toBe(true);
    expect(store.waiting).toEqual(['finishQuiz']);
    await store.release();
    expect(session.getState()).toMatchObject({ saving: false, saveError: null });
    expect(await store.listQuizResults()).toHaveLength(1);
  });

  it('"Try again" with nothing unsaved does nothing', async () => {
    const { session, store } = await arrive(LINK);
    await session.dispatch({ type: 'retry-save' });
    expect(store.waiting).toEqual([]);
    expect(session.getState()).toMatchObject({ saving: false, saveError: null });
  });

  it('says so when a saved quiz could not be read and was set aside, and offers a new one', async () => {
    const db = createMemoryDatabase();
    const damaged: MemoryDatabase = {
      open: () => ({
        ...db.open(),
        loadActiveQuiz: async () => ({ quiz: null, setAside: true }),
      }),
    };
    const { session } = await arrive('', damaged);
    expect(session.getState().alerts).toEqual([
      'A saved quiz could not be read and was set aside (it is kept, not deleted). You can start a new quiz.',
    ]);
    expect(at(quiz(session))).toBe('not-started');
    expect((await arrive('', db)).session.getState().alerts).toEqual([]);
  });

  it('with no link and nothing saved, shows the setup form and starts nothing', async () => {
    const { session, store } = await arrive('count=4');
    expect(at(quiz(session))).toBe('not-started');
    expect(await stored(store)).toBeNull();
    expect(session.getState().address).toBeNull();
  });

  it('tells the learner in words that another tab moved on or finished', () => {
    expect(MOVED_ON).toBe(
      'This quiz moved on in another tab or window; you are now at the same question.',
    );
    expect(FINISHED_ELSEWHERE).toBe(
      'This quiz was finished in another tab or window; here are its results.',
    );
  });

  it('follows a quiz finished in another tab with its own answers, not another result', async () => {
    const older = makeResult('done-1', [makeAnswer('q-np', 'NodePort', 'ClusterIP')]);
    const db = createMemoryDatabase({ quizResults: [older] });
    const a = await arrive(LINK, db);
    const b = await arrive('', db);
    await finishRight(a);
    await settle();
    const q = quiz(b.session);
    expect(q.status).toBe('finished');
    expect('answers' in q && q.answers.every((x) => x.correct)).toBe(true);
    expect('answers' in q && q.answers).toHaveLength(4);
  });
});

describe('quiz session: catching up, beyond the first cases', () => {
  it('does not follow another tab that is only as far on, keeping this tab’s own pick', async () => {
    const db = createMemoryDatabase();
    const a = await arrive(LINK, db);
    const b = await arrive('', db);
    const { right, wrong } = answersNow(b.session);
    // Both tabs answer question 1 at once; tab A's answer is committed first.
    void b.session.dispatch({ type: 'choose', choice: wrong, now: b.now() });
    void a.session.dispatch({ type: 'choose', choice: right, now: a.now() });
    await a.store.release();
    await settle();
    expect(b.session.getState().notice).toBeNull();
    expect(playing(b.session).answers[0]?.choice).toBe(wrong);
  });

  it('a stale tab whose quiz was finished elsewhere, and a new one begun, shows those results', async () => {
    const db = createMemoryDatabase();
    const a = await arrive(LINK, db);
    const b = await arrive('', db, false);
    await finishRight(a);
    void a.session.dispatch({ type: 'new-quiz' });
    void a.session.dispatch({ type: 'start-quiz', settings: a.session.getState().link.settings });
    await releaseAll(a.store);
    expect((await stored(a.store))?.meta.quizId).not.toBe(playing(b.session).meta.quizId);
    // Tab B never heard of any of it: its answer is refused, and it shows the results instead.
    void b.session.dispatch({ type: 'choose', choice: answersNow(b.session).wrong, now: b.now() });
    await b.store.release();
    expect(at(quiz(b.session))).toBe('finished');
    expect(b.session.getState().notice).toBe(FINISHED_ELSEWHERE);
  });
});

/** A database whose tabs' reads of the unfinished quiz or of history wait while `hold` names them. */
function slowReads(db: MemoryDatabase) {
  const hold = new Set<'loadActiveQuiz' | 'listQuizResults'>();
  const held: (() => Promise<void>)[] = [];
  const slow: MemoryDatabase = {
    open: () => {
      const inner = db.open();
      const later =
        <T>(name: 'loadActiveQuiz' | 'listQuizResults', read: () => Promise<T>) =>
        (): Promise<T> => {
          if (!hold.has(name)) return read();
          // The read happens when the test lets it go, so it sees what is stored then.
          return new Promise<T>((resolve) => held.push(() => read().then(resolve)));
        };
      return {
        ...inner,
        loadActiveQuiz: (bankId: string) =>
          later('loadActiveQuiz', () => inner.loadActiveQuiz(bankId))(),
        listQuizResults: later('listQuizResults', () => inner.listQuizResults()),
      };
    },
  };
  const letGo = async () => {
    await held.shift()!();
    await settle();
  };
  return { slow, hold, held, letGo };
}

describe('quiz session: catching up while this tab moves on', () => {
  const ONE = 'count=1&types=NodePort&start=1';

  it('a tab that finished the quiz itself while a catch-up read was out does not say another tab did', async () => {
    const db = createMemoryDatabase();
    const { slow, hold, held, letGo } = slowReads(db);
    const a = await arrive(ONE, db);
    const b = await arrive('', slow);
    hold.add('loadActiveQuiz');
    void a.session.dispatch({ type: 'choose', choice: 'NodePort', now: a.now() });
    await a.store.release();
    await settle();
    expect(held).toHaveLength(1);
    hold.clear();
    void b.session.dispatch({ type: 'choose', choice: 'NodePort', now: b.now() });
    void b.session.dispatch({ type: 'next', now: b.now() });
    await releaseAll(b.store);
    expect(at(quiz(b.session))).toBe('finished');
    await letGo();
    expect(b.session.getState().notice).toBeNull();
  });

  it('a tab that chose a new quiz while a catch-up read was out stays on the setup form', async () => {
    const db = createMemoryDatabase();
    const { slow, hold, held, letGo } = slowReads(db);
    const a = await arrive(ONE, db);
    const b = await arrive('', slow);
    void a.session.dispatch({ type: 'choose', choice: 'NodePort', now: a.now() });
    await a.store.release();
    await settle();
    expect(at(quiz(b.session))).toBe('answered 0');
    hold.add('listQuizResults');
    void a.session.dispatch({ type: 'next', now: a.now() });
    await a.store.release();
    await settle();
    expect(held).toHaveLength(1);
    hold.clear();
    void b.session.dispatch({ type: 'new-quiz' });
    await releaseAll(b.store);
    expect(at(quiz(b.session))).toBe('not-started');
    await letGo();
    expect(at(quiz(b.session))).toBe('not-started');
    expect(b.session.getState().notice).toBeNull();
  });
});

describe('quiz session: catching up from the setup form', () => {
  it('a tab on the setup form that starts a quiz while another tab’s change is being read keeps its quiz, without an error', async () => {
    // A catch-up runs from a storage listener: a throw there is an unhandled rejection, which
    // the page would never show. Collect them for the length of this test.
    const rejections: unknown[] = [];
    const record = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', record);
    try {
      const db = createMemoryDatabase();
      const { slow, hold, held, letGo } = slowReads(db);
      const b = await arrive('', slow);
      expect(at(quiz(b.session))).toBe('not-started');
      hold.add('loadActiveQuiz');
      // Another tab starts a quiz: this tab, on its setup form, hears of the change.
      await arrive('count=1&types=NodePort&start=1', db);
      await settle();
      hold.clear();
      void b.session.dispatch({ type: 'start-quiz', settings: b.session.getState().link.settings });
      await releaseAll(b.store);
      const mine = playing(b.session).meta.quizId;
      while (held.length > 0) await letGo();
      // Unhandled rejections are reported once the current task is over.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(playing(b.session).meta.quizId).toBe(mine);
      expect(b.session.getState().notice).toBeNull();
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

describe('quiz session: the address and alerts', () => {
  it('weak-spot practice with nothing to practise leaves the practice link', async () => {
    const { session } = await arrive('practice=weak&count=3');
    expect(session.getState().address).toBe('');
  });

  it('retrying a past result’s mistakes leaves the result’s address', async () => {
    const result = makeResult('done-1', [makeAnswer('q-np', 'NodePort', 'ClusterIP')]);
    const { session, store } = await arrive(
      'result=done-1',
      createMemoryDatabase({ quizResults: [result] }),
    );
    const retrying = session.dispatch({ type: 'retry-mistakes' });
    await releaseAll(store);
    await retrying;
    expect(session.getState().address).toBe('');
  });

  it('ignores retry, resume and start-instead when there is nothing to act on', async () => {
    const { session, store } = await arrive('count=4');
    await session.dispatch({ type: 'retry-mistakes' });
    await session.dispatch({ type: 'resume-unfinished' });
    await session.dispatch({ type: 'start-new-instead' });
    expect(store.waiting).toEqual([]);
    expect(at(quiz(session))).toBe('not-started');
  });

  it('a new quiz clears the alerts that were shown', async () => {
    const { session } = await arrive('result=nope');
    expect(session.getState().alerts).toHaveLength(1);
    await session.dispatch({ type: 'new-quiz' });
    expect(session.getState().alerts).toEqual([]);
  });

  it('says where a result from another bank can be reviewed, and does not show it here', async () => {
    const result = { ...makeResult('done-1', []), bankId: 'team', bankTitle: 'Team bank' };
    const { session } = await arrive(
      'result=done-1',
      createMemoryDatabase({ quizResults: [result] }),
    );
    expect(session.getState().pastResult).toBeNull();
    expect(session.getState().alerts).toEqual([
      `That result is from the bank “Team bank”, and the questions here are from “${bank.title}”. Make “Team bank” the active bank on Question banks to review it, or start a new quiz below.`,
    ]);
  });
});
