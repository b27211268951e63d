import { describe, expect, it } from 'vitest';
import {
  initialQuizState,
  isFurtherOn,
  quizReducer,
  restoreQuiz,
  timeLeftMs,
  type QuizEvent,
  type QuizItem,
  type QuizState,
} from '../../src/domain/quiz-session';
import { DEFAULT_SETTINGS, type QuizSettings } from '../../src/domain/quiz-settings';

// Every event that makes no sense in a state must leave that state exactly as it was: a stray key
// press, a late timer tick or a second tab must never move a quiz on or change its record.
const items: QuizItem[] = [
  { questionId: 'q1' as never, answer: 'ClusterIP' },
  { questionId: 'q2' as never, answer: 'NodePort' },
];
const meta = (settings: Partial<QuizSettings> = {}) => ({
  quizId: 'z',
  bankId: 'b',
  bankTitle: 'B',
  settings: { ...DEFAULT_SETTINGS, ...settings },
  seed: 's',
  kind: 'new' as const,
  startedAt: 0,
});
const run = (state: QuizState, ...events: QuizEvent[]) => events.reduce(quizReducer, state);
const start = (settings: Partial<QuizSettings> = {}) =>
  quizReducer(initialQuizState, { type: 'start', meta: meta(settings), items, now: 1000 });

const running = start();
const paused = run(running, { type: 'pause', now: 2000 });
const withPending = run(start({ confidence: true }), {
  type: 'choose',
  choice: 'NodePort',
  now: 1500,
});
const answered = run(running, { type: 'choose', choice: 'ClusterIP', now: 2000 });
const finished = run(
  answered,
  { type: 'next', now: 3000 },
  { type: 'choose', choice: 'NodePort', now: 4000 },
  { type: 'next', now: 5000 },
);
const timed = start({ timerSeconds: 30 });
const timedAnswered = run(timed, { type: 'choose', choice: 'ClusterIP', now: 2000 });

describe('the quiz ignores events that make no sense in its state', () => {
  it('starts not started', () => {
    expect(initialQuizState).toEqual({ status: 'not-started' });
  });

  it('sets the states up as their names say', () => {
    expect([running, paused, withPending, answered, finished].map((s) => s.status)).toEqual([
      'asking',
      'asking',
      'asking',
      'answered',
      'finished',
    ]);
    expect(paused).toMatchObject({ clock: { runningSince: null } });
    expect(withPending).toMatchObject({ pendingChoice: 'NodePort' });
  });

  it.each<[string, QuizState, QuizEvent]>([
    [
      'start with no questions',
      initialQuizState,
      { type: 'start', meta: meta(), items: [], now: 1 },
    ],
    ['choose before the start', initialQuizState, { type: 'choose', choice: 'NodePort', now: 1 }],
    ['choose once answered', answered, { type: 'choose', choice: 'NodePort', now: 9000 }],
    ['choose once finished', finished, { type: 'choose', choice: 'NodePort', now: 9000 }],
    ['choose while paused', paused, { type: 'choose', choice: 'NodePort', now: 9000 }],
    ['confirm before the start', initialQuizState, { type: 'confirm', confidence: 'sure', now: 1 }],
    ['confirm with nothing picked', running, { type: 'confirm', confidence: 'sure', now: 9000 }],
    ['confirm once answered', answered, { type: 'confirm', confidence: 'sure', now: 9000 }],
    ['tick on a quiz without a timer', running, { type: 'tick', now: 10_000_000 }],
    ['tick before time is up', timed, { type: 'tick', now: 30_999 }],
    ['tick once answered', timedAnswered, { type: 'tick', now: 10_000_000 }],
    ['tick before the start', initialQuizState, { type: 'tick', now: 1 }],
    ['pause twice', paused, { type: 'pause', now: 9000 }],
    ['pause once answered', answered, { type: 'pause', now: 9000 }],
    ['pause before the start', initialQuizState, { type: 'pause', now: 1 }],
    ['resume while running', running, { type: 'resume', now: 9000 }],
    ['resume once answered', answered, { type: 'resume', now: 9000 }],
    ['resume before the start', initialQuizState, { type: 'resume', now: 1 }],
    ['next while asking', running, { type: 'next', now: 9000 }],
    ['next once finished', finished, { type: 'next', now: 9000 }],
    ['next before the start', initialQuizState, { type: 'next', now: 1 }],
  ])('%s', (_name, state, event) => {
    expect(quizReducer(state, event)).toBe(state);
  });

  it('a tick when time is up records a timed-out answer', () => {
    expect(run(timed, { type: 'tick', now: 31_000 })).toMatchObject({
      status: 'answered',
      answers: [{ choice: null, correct: false, timeMs: 30_000 }],
    });
  });

  it('a choice for a question the quiz does not have changes nothing', () => {
    const pastTheEnd = { ...running, index: items.length } as QuizState;
    expect(quizReducer(pastTheEnd, { type: 'choose', choice: 'NodePort', now: 9000 })).toBe(
      pastTheEnd,
    );
  });
});

describe('time left', () => {
  it('is null unless a timed question is being asked', () => {
    expect(timeLeftMs(initialQuizState, 5000)).toBeNull();
    expect(timeLeftMs(running, 5000)).toBeNull();
    expect(timeLeftMs(timedAnswered, 5000)).toBeNull();
    expect(timeLeftMs(finished, 5000)).toBeNull();
    expect(timeLeftMs(timed, 5000)).toBe(26_000);
    expect(timeLeftMs(timed, 99_000)).toBe(0);
  });
});

describe('restoring a saved quiz', () => {
  it('restarts only a running clock, and leaves every other state as it was', () => {
    expect(restoreQuiz(paused, 50_000)).toBe(paused);
    expect(restoreQuiz(answered, 50_000)).toBe(answered);
    expect(restoreQuiz(finished, 50_000)).toBe(finished);
    expect(restoreQuiz(initialQuizState, 50_000)).toBe(initialQuizState);
    expect(restoreQuiz(running, 50_000)).toMatchObject({
      clock: { usedMs: 0, runningSince: 50_000 },
    });
  });
});

describe('which copy of a quiz is further on', () => {
  it('counts answers first: a copy with fewer answers is behind, whatever its index', () => {
    if (answered.status !== 'answered' || running.status !== 'asking') throw new Error('setup');
    const moreAnswers = { ...answered, index: 0 };
    const fewerAnswersLaterIndex = { ...running, index: 1 };
    expect(isFurtherOn(fewerAnswersLaterIndex, moreAnswers)).toBe(false);
    expect(isFurtherOn(moreAnswers, fewerAnswersLaterIndex)).toBe(true);
  });
});
