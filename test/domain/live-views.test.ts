import { describe, expect, it } from 'vitest';
import { exportRows, leaderboard } from '../../src/domain/live-results';
import {
  answeredCount,
  hostView,
  playerView,
  yourFinal,
  yourResult,
} from '../../src/domain/live-views';
import { conn, HOST, newLiveSession, Script, sent, token } from '../factories-live';

const T0 = 1_000_000;

function lobbyWith(names: string[], options: Parameters<typeof newLiveSession>[0] = {}) {
  const script = new Script(newLiveSession(options));
  names.forEach((name, i) => script.join(name, i));
  return script;
}

/** More people than the participants map keeps in join order (it is unordered past 25). */
const CROWD = Array.from({ length: 30 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);

describe('the host view', () => {
  it('in the lobby: the session, and the people in it in join order', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: 20 } });
    script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
    expect(hostView(script.state, T0)).toEqual({
      code: 'ABCDEF',
      title: 'Live test bank',
      total: 4,
      settings: { secondsPerQuestion: 20, scoring: 'accuracy', lateJoin: true },
      participants: [
        { id: 'p0', name: 'Ana', connected: true, points: 0, correct: 0 },
        { id: 'p1', name: 'Ben', connected: false, points: 0, correct: 0 },
      ],
      state: { phase: 'lobby' },
    });
  });

  it('lists only the people still in the session, in join order however many there are', () => {
    const script = lobbyWith(CROWD);
    script.run({ type: 'leave', token: token(3) });
    script.run({ type: 'remove', hostToken: HOST, participantId: 'p5' as never });
    const names = hostView(script.state, T0).participants.map((p) => p.name);
    expect(names).toEqual(CROWD.filter((_, i) => i !== 3 && i !== 5));
  });

  it('during a question: the question with its time left, and how many have answered', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: 20 } });
    script.host('start', T0);
    script.answer(1, 0, 'NodePort', T0 + 500);
    expect(hostView(script.state, T0 + 5000).state).toEqual({
      phase: 'question',
      question: {
        index: 0,
        total: 4,
        questionId: 'q0',
        prompt: 'Scenario 0',
        durationMs: 20_000,
        remainingMs: 15_000,
      },
      answered: 1,
    });
    expect(hostView(script.state, T0 + 25_000).state).toMatchObject({
      question: { remainingMs: 0 },
    });
  });

  it('counts answers only while a question is open', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    expect(answeredCount(script.state)).toBe(0);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    expect(answeredCount(script.state)).toBe(1);
    script.host('reveal');
    expect(answeredCount(script.state)).toBe(0);
  });

  it('during an untimed question: no duration and no time left', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    expect(hostView(script.state, T0 + 5000).state).toMatchObject({
      question: { durationMs: null, remainingMs: null },
      answered: 0,
    });
  });

  it('at a reveal: the reveal the room sees, with the scores it brought', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    const roomReveal = sent(script.host('reveal'), 'reveal')[0]!.reveal;
    const view = hostView(script.state, T0 + 200);
    expect(view.state).toEqual({ phase: 'reveal', reveal: roomReveal });
    expect(view.participants.map((p) => [p.name, p.points, p.correct])).toEqual([
      ['Ana', 1000, 1],
      ['Ben', 0, 0],
    ]);
  });

  it('at the end: the final results and the rows to export', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    const final = sent(script.host('end', T0 + 200), 'ended')[0]!.final;
    expect(hostView(script.state, T0 + 300).state).toEqual({
      phase: 'ended',
      final,
      rows: exportRows(script.state),
    });
    expect(exportRows(script.state)).toHaveLength(2);
  });
});

describe('a participant’s own result', () => {
  it('for no answer: nothing chosen, not right, no points, no time', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    script.host('reveal');
    const ben = script.state.participants.get('p1' as never)!;
    expect(yourResult(script.state, ben, 0)).toEqual({
      index: 0,
      choice: null,
      correct: false,
      points: 0,
      timeMs: null,
      totalPoints: 0,
      rank: 2,
      of: 2,
    });
  });

  it('at the end: place, points, right answers and questions asked, for a late joiner too', () => {
    const script = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.host('reveal');
    script.join('Cy', 2);
    script.host('next');
    script.answer(2, 1, 'NodePort');
    script.host('end');
    const cy = script.state.participants.get('p2' as never)!;
    expect(yourFinal(script.state, cy)).toEqual({
      rank: 1,
      of: 3,
      points: 1000,
      correct: 1,
      asked: 1,
    });
  });
});

describe('the player view', () => {
  it('during a question: the question, the answer already given and the points so far', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: 30 } });
    script.host('start', T0);
    const ana = script.state.participants.get('p0' as never)!;
    expect(playerView(script.state, ana, T0 + 1000)).toEqual({
      code: 'ABCDEF',
      title: 'Live test bank',
      total: 4,
      settings: { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true },
      state: {
        phase: 'question',
        question: {
          index: 0,
          total: 4,
          questionId: 'q0',
          prompt: 'Scenario 0',
          durationMs: 30_000,
          remainingMs: 29_000,
        },
        yourAnswer: null,
        totalPoints: 0,
      },
    });
  });
});

describe('the leaderboard', () => {
  it('leaves out people who left or were removed', () => {
    const script = lobbyWith(['Ana', 'Ben', 'Cy'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 10);
    script.answer(1, 0, 'ClusterIP', T0 + 20);
    script.host('reveal');
    script.run({ type: 'leave', token: token(0) });
    script.run({ type: 'remove', hostToken: HOST, participantId: 'p1' as never });
    expect(leaderboard(script.state).map((r) => [r.name, r.rank])).toEqual([['Cy', 1]]);
  });
});

describe('the export', () => {
  it('has the people still in the session, in join order however many there are', () => {
    const script = lobbyWith(CROWD, { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.run({ type: 'leave', token: token(3) });
    script.run({ type: 'remove', hostToken: HOST, participantId: 'p5' as never });
    script.host('end');
    expect(exportRows(script.state).map((r) => r.name)).toEqual(
      CROWD.filter((_, i) => i !== 3 && i !== 5),
    );
  });
});
