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

const items: QuizItem[] = [
  { questionId: 'q1' as never, answer: 'ClusterIP' },
  { questionId: 'q2' as never, answer: 'NodePort' },
];

function started(settings: Partial<QuizSettings> = {}, now = 1000): QuizState {
  return quizReducer(initialQuizState, {
    type: 'start',
    meta: {
      quizId: 'z',
      bankId: 'b',
      bankTitle: 'B',
      settings: { ...DEFAULT_SETTINGS, ...settings },
      seed: 's',
      kind: 'new',
      startedAt: now,
    },
    items,
    now,
  });
}

const run = (state: QuizState, ...events: QuizEvent[]) => events.reduce(quizReducer, state);

describe('quizReducer', () => {
  it('starts asking the first question', () => {
    expect(started()).toMatchObject({
      status: 'asking',
      index: 0,
      answers: [],
      pendingChoice: null,
    });
  });

  it('records a right answer with the time taken, then moves on with next', () => {
    const answered = run(started(), { type: 'choose', choice: 'ClusterIP', now: 4000 });
    expect(answered).toMatchObject({ status: 'answered', index: 0 });
    if (answered.status !== 'answered') return;
    expect(answered.answers).toEqual([
      {
        questionId: 'q1',
        answer: 'ClusterIP',
        choice: 'ClusterIP',
        correct: true,
        confidence: null,
        timeMs: 3000,
        answeredAt: 4000,
      },
    ]);
    expect(run(answered, { type: 'next', now: 5000 })).toMatchObject({
      status: 'asking',
      index: 1,
    });
  });

  it('ignores a second choice once answered', () => {
    const answered = run(started(), { type: 'choose', choice: 'NodePort', now: 2000 });
    expect(quizReducer(answered, { type: 'choose', choice: 'ClusterIP', now: 2100 })).toBe(
      answered,
    );
  });

  it('finishes after the last question', () => {
    const done = run(
      started(),
      { type: 'choose', choice: 'ClusterIP', now: 2000 },
      { type: 'next', now: 2500 },
      { type: 'choose', choice: 'LoadBalancer', now: 3000 },
      { type: 'next', now: 3500 },
    );
    expect(done).toMatchObject({ status: 'finished', finishedAt: 3500 });
    if (done.status === 'finished')
      expect(done.answers.map((a) => a.correct)).toEqual([true, false]);
  });

  it('in exam style goes straight to the next question without feedback', () => {
    const state = run(started({ feedback: 'end' }), {
      type: 'choose',
      choice: 'ClusterIP',
      now: 2000,
    });
    expect(state).toMatchObject({ status: 'asking', index: 1 });
    const done = quizReducer(state, { type: 'choose', choice: 'NodePort', now: 2500 });
    expect(done.status).toBe('finished');
  });

  it('with confidence on, waits for Sure or Guessing and lets the pick change first', () => {
    let state = run(started({ confidence: true }), {
      type: 'choose',
      choice: 'NodePort',
      now: 2000,
    });
    expect(state).toMatchObject({ status: 'asking', pendingChoice: 'NodePort' });
    state = run(
      state,
      { type: 'choose', choice: 'ClusterIP', now: 2200 },
      { type: 'confirm', confidence: 'sure', now: 2500 },
    );
    expect(state.status === 'answered' && state.answers[0]).toMatchObject({
      choice: 'ClusterIP',
      confidence: 'sure',
      correct: true,
    });
  });

  it('counts timer expiry as unanswered and wrong', () => {
    const state = started({ timerSeconds: 30 }, 0);
    expect(timeLeftMs(state, 10_000)).toBe(20_000);
    expect(quizReducer(state, { type: 'tick', now: 29_999 })).toBe(state);
    const expired = quizReducer(state, { type: 'tick', now: 30_000 });
    expect(expired.status === 'answered' && expired.answers[0]).toMatchObject({
      choice: null,
      correct: false,
      timeMs: 30_000,
    });
  });

  it('pausing stops the clock and hides nothing from the record', () => {
    let state = started({ timerSeconds: 30 }, 0);
    state = run(state, { type: 'pause', now: 10_000 });
    expect(timeLeftMs(state, 100_000)).toBe(20_000);
    expect(quizReducer(state, { type: 'choose', choice: 'ClusterIP', now: 100_000 })).toBe(state);
    state = run(
      state,
      { type: 'resume', now: 100_000 },
      { type: 'choose', choice: 'ClusterIP', now: 105_000 },
    );
    expect(state.status === 'answered' && state.answers[0]?.timeMs).toBe(15_000);
  });

  it('restoring after a reload does not count the time the page was closed', () => {
    const before = started({ timerSeconds: 60 }, 0);
    const restored = restoreQuiz(run(before, { type: 'tick', now: 20_000 }), 500_000);
    expect(timeLeftMs(restored, 500_000)).toBe(60_000);
    const viaEvent = quizReducer(initialQuizState, {
      type: 'restore',
      state: before,
      now: 500_000,
    });
    expect(viaEvent).toEqual(restored);
  });

  it('tells which copy of a quiz is further on (for tabs that fall behind)', () => {
    const asking = started();
    const answered = run(asking, { type: 'choose', choice: 'ClusterIP', now: 2000 });
    const second = run(answered, { type: 'next', now: 3000 });
    if (asking.status !== 'asking' || answered.status !== 'answered' || second.status !== 'asking')
      throw new Error('setup');
    expect(isFurtherOn(answered, asking)).toBe(true);
    expect(isFurtherOn(second, answered)).toBe(true);
    expect(isFurtherOn(answered, second)).toBe(false);
    expect(isFurtherOn(answered, answered)).toBe(false);
    expect(isFurtherOn(answered, { ...asking, meta: { ...asking.meta, quizId: 'other' } })).toBe(
      false,
    );
  });
});
