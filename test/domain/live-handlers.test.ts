import { describe, expect, it } from 'vitest';
import { handle } from '../../src/domain/live-handlers';
import { CLOSE_CODES, type HostToken } from '../../src/domain/live-protocol';
import { replay } from '../../src/domain/live-session';
import { hostView } from '../../src/domain/live-views';
import {
  conn,
  createdFor,
  errorOf,
  HOST,
  newLiveSession,
  Script,
  sendsTo,
  sent,
  token,
} from '../factories-live';

const T0 = 1_000_000;

function lobbyWith(names: string[], options: Parameters<typeof newLiveSession>[0] = {}) {
  const script = new Script(newLiveSession(options));
  const ids = names.map((name, i) => script.join(name, i));
  return { script, ids };
}

describe('joining', () => {
  it('welcomes a new participant with their token, to them alone, and binds the connection', () => {
    const script = new Script(newLiveSession());
    const outcome = script.run({ type: 'join', name: 'Ana', token: token(1), connection: conn(1) });
    const [welcome] = sent(outcome, 'welcome');
    expect(welcome).toMatchObject({ participantId: 'p0', token: token(1), name: 'Ana' });
    expect(welcome?.view.state).toEqual({ phase: 'lobby' });
    expect(sendsTo(outcome, 'welcome')).toEqual([{ to: 'sender' }]);
    expect(outcome.effects).toContainEqual({
      kind: 'bind-participant',
      participantId: 'p0',
      token: token(1),
    });
    expect(outcome.effects).toContainEqual({ kind: 'host-view', urgent: false });
    expect(outcome.events.map((e) => e.type)).toEqual(['joined', 'presence']);
    expect(script.state.active).toBe(1);
    expect(script.state.connected).toBe(1);
  });

  it('refuses a name already in the session, whatever its case', () => {
    const { script } = lobbyWith(['Ana']);
    const outcome = script.run({ type: 'join', name: 'ana', token: token(2), connection: conn(2) });
    expect(errorOf(outcome)).toMatchObject({ code: 'name-taken', ref: 'join' });
    expect(errorOf(outcome)?.message).toContain('"ana"');
    expect(outcome.events).toEqual([]);
    expect(outcome.state.active).toBe(1);
  });

  it('refuses a join when the session is full', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { limits: { maxParticipants: 2 } });
    const outcome = script.run({ type: 'join', name: 'Cy', token: token(3), connection: conn(3) });
    expect(errorOf(outcome)).toMatchObject({ code: 'session-full' });
    expect(errorOf(outcome)?.message).toContain('2 people');
  });

  it('refuses a late join when the host does not allow it, and accepts it when they do', () => {
    const closed = lobbyWith(['Ana'], { settings: { lateJoin: false } }).script;
    closed.host('start');
    expect(
      errorOf(closed.run({ type: 'join', name: 'Ben', token: token(2), connection: conn(2) })),
    ).toMatchObject({
      code: 'late-join-closed',
    });

    const open = lobbyWith(['Ana'], { settings: { lateJoin: true } }).script;
    open.host('start');
    const outcome = open.run({ type: 'join', name: 'Ben', token: token(2), connection: conn(2) });
    const view = sent(outcome, 'welcome')[0]?.view.state;
    expect(view).toMatchObject({ phase: 'question', yourAnswer: null });
  });

  it('refuses joins after the end', () => {
    const { script } = lobbyWith(['Ana']);
    script.host('end');
    expect(
      errorOf(script.run({ type: 'join', name: 'Ben', token: token(2), connection: conn(2) })),
    ).toMatchObject({
      code: 'session-ended',
    });
  });
});

describe('the host', () => {
  it('takes control with the host token and gets the whole view at once', () => {
    const { script } = lobbyWith(['Ana']);
    const outcome = script.run({ type: 'host-hello', hostToken: HOST });
    expect(outcome.effects[0]).toEqual({ kind: 'bind-host' });
    const [view] = sent(outcome, 'host-view');
    expect(view?.view.participants.map((p) => p.name)).toEqual(['Ana']);
    expect(sendsTo(outcome, 'host-view')).toEqual([{ to: 'sender' }]);
  });

  it('refuses a wrong host token for hello and for every host command, changing nothing', () => {
    const { script } = lobbyWith(['Ana']);
    const wrong = 'host-token-0123456789abcdeX' as HostToken;
    const before = script.state;
    expect(errorOf(script.run({ type: 'host-hello', hostToken: wrong }))).toMatchObject({
      code: 'bad-token',
    });
    for (const type of ['start', 'reveal', 'next', 'end'] as const) {
      const outcome = script.run({ type, hostToken: wrong });
      expect(errorOf(outcome)).toMatchObject({ code: 'bad-token', ref: type });
      expect(outcome.state).toBe(before);
      expect(outcome.events).toEqual([]);
    }
    const removal = script.run({ type: 'remove', hostToken: wrong, participantId: 'p0' as never });
    expect(errorOf(removal)).toMatchObject({ code: 'bad-token' });
    expect(script.state.phase).toEqual({ phase: 'lobby' });
    expect(script.state.active).toBe(1);
  });

  it('cannot move on before revealing, nor past the last question', () => {
    const { script } = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    expect(errorOf(script.host('next'))).toMatchObject({ code: 'not-allowed' });
    script.host('start');
    expect(errorOf(script.host('start'))).toMatchObject({ code: 'not-allowed' });
    expect(errorOf(script.host('next'))?.message).toContain('Reveal');
    for (let i = 0; i < 3; i++) {
      script.host('reveal');
      script.host('next');
    }
    script.host('reveal');
    expect(errorOf(script.host('next'))?.message).toContain('last question');
    expect(errorOf(script.host('reveal'))).toMatchObject({ code: 'not-open' });
  });
});

describe('a question', () => {
  it('goes to participants without the answer, explanation or why-nots, with its timer', () => {
    const { script } = lobbyWith(['Ana']);
    const outcome = script.host('start', T0 + 500);
    const [message] = sent(outcome, 'question');
    expect(message?.question).toEqual({
      index: 0,
      total: 4,
      questionId: 'q0',
      prompt: 'Scenario 0',
      durationMs: 30_000,
      remainingMs: 30_000,
    });
    expect(sendsTo(outcome, 'question')).toEqual([{ to: 'participants' }]);
    expect(JSON.stringify(outcome.effects)).not.toMatch(/Explanation 0|does not fit|"answer"/);
    expect(outcome.effects).toContainEqual({ kind: 'host-view', urgent: true });
    expect(script.state.rounds[0]).toMatchObject({ openedAt: T0 + 500, deadline: T0 + 30_500 });
  });

  it('accepts one answer per person, stamping the time itself; a repeat gets the first receipt', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    const first = script.answer(0, 0, 'NodePort', T0 + 1234);
    expect(sent(first, 'ack')).toEqual([{ type: 'ack', index: 0, choice: 'NodePort' }]);
    expect(sendsTo(first, 'ack')).toEqual([{ to: 'sender' }]);
    expect(first.effects).toContainEqual({ kind: 'progress' });
    expect(script.state.rounds[0]?.answers.get('p0' as never)).toEqual({
      choice: 'NodePort',
      timeMs: 1234,
      correct: false,
      points: 0,
    });

    const repeat = script.answer(0, 0, 'ClusterIP', T0 + 2000);
    expect(sent(repeat, 'ack')).toEqual([{ type: 'ack', index: 0, choice: 'NodePort' }]);
    expect(repeat.events).toEqual([]);
    expect(repeat.state).toBe(first.state);
  });

  it('refuses an answer before the question opens, and one for a closed question', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    expect(errorOf(script.answer(0, 0, 'ClusterIP'))).toMatchObject({ code: 'not-open' });
    script.host('start');
    expect(errorOf(script.answer(0, 1, 'ClusterIP'))).toMatchObject({ code: 'not-open' });
    script.host('reveal');
    expect(errorOf(script.answer(0, 0, 'ClusterIP'))).toMatchObject({ code: 'too-late' });
    script.host('next');
    expect(errorOf(script.answer(0, 0, 'ClusterIP'))).toMatchObject({ code: 'too-late' });
    expect(script.state.rounds[0]?.answers.size).toBe(0);
  });

  it('refuses an answer after the deadline and closes the question then, timer or not', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: 10 } });
    script.host('start', T0);
    const late = script.answer(0, 0, 'ClusterIP', T0 + 10_001);
    expect(errorOf(late)).toMatchObject({ code: 'too-late' });
    expect(late.state.phase.phase).toBe('reveal');
    expect(late.state.rounds[0]?.answers.size).toBe(0);
    expect(sent(late, 'reveal')).toHaveLength(1);
  });

  it('reveals at the deadline command, but not early and not for another question', () => {
    const { script } = lobbyWith(['Ana'], { settings: { secondsPerQuestion: 10 } });
    script.host('start', T0);
    expect(script.run({ type: 'deadline', index: 0 }, T0 + 9_999).events).toEqual([]);
    expect(script.run({ type: 'deadline', index: 1 }, T0 + 10_000).events).toEqual([]);
    const due = script.run({ type: 'deadline', index: 0 }, T0 + 10_000);
    expect(due.events.map((e) => e.type)).toEqual(['revealed']);
  });

  it('reveals by itself once everyone connected has answered', () => {
    const { script } = lobbyWith(['Ana', 'Ben', 'Cy']);
    script.host('start', T0);
    script.run({ type: 'disconnected', token: token(2), connection: conn(2) });
    expect(script.answer(0, 0, 'ClusterIP', T0 + 100).state.phase.phase).toBe('question');
    const last = script.answer(1, 0, 'NodePort', T0 + 200);
    expect(last.state.phase.phase).toBe('reveal');
    expect(sent(last, 'ack')).toHaveLength(1);
    expect(sent(last, 'reveal')).toHaveLength(1);
  });

  it('reveals when the last person still to answer loses their connection', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    const gone = script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
    expect(gone.state.phase.phase).toBe('reveal');
  });

  it('counts a connection once, and a close only for a connection it knows', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    expect(script.run({ type: 'rejoin', token: token(0), connection: conn(0) }).events).toEqual([]);
    // A second tab: still one person connected, and closing either tab keeps them connected.
    script.run({ type: 'rejoin', token: token(0), connection: 'test:tab2' });
    expect(script.state.connected).toBe(2);
    expect(
      script.run({ type: 'disconnected', token: token(0), connection: 'test:other' }).events,
    ).toEqual([]);
    script.run({ type: 'disconnected', token: token(0), connection: conn(0) });
    expect(script.state.connected).toBe(2);
    script.run({ type: 'disconnected', token: token(0), connection: 'test:tab2' });
    expect(script.state.connected).toBe(1);
    expect(hostView(script.state, T0).participants.map((p) => p.connected)).toEqual([false, true]);
  });

  it('drops connections lost with a crashed process, without cutting the question short', () => {
    const { script } = lobbyWith(['Ana', 'Ben', 'Cy']);
    script.run({ type: 'rejoin', token: token(1), connection: 'live:7' });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    script.answer(1, 0, 'ClusterIP', T0 + 150);
    // Cy's only connection, and one of Ben's two, were on the process that crashed.
    const lost = script.run({ type: 'connections-lost', connections: [conn(2), conn(1), 'x:1'] });
    expect(lost.events.map((e) => e.type)).toEqual(['presence', 'presence']);
    expect(script.state.connected).toBe(2);
    // Everyone still connected has answered, but Cy may be on their way back through another
    // process: the crash alone does not close the question.
    expect(script.state.phase.phase).toBe('question');
    expect(lost.effects).toContainEqual({ kind: 'host-view', urgent: false });
    expect(script.run({ type: 'connections-lost', connections: [conn(2)] }).events).toEqual([]);
    // The next departure decides as usual: Ben's other tab closes, and Ana, the one person
    // still connected, has answered.
    const gone = script.run({ type: 'disconnected', token: token(1), connection: 'live:7' });
    expect(gone.state.phase.phase).toBe('reveal');
  });
});

describe('the reveal', () => {
  it('sends the answer and explanation to all, then each person their own result and rank', () => {
    const { script } = lobbyWith(['Ana', 'Ben', 'Cy'], { settings: { scoring: 'speed' } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 3_000);
    script.answer(1, 0, 'ClusterIP', T0 + 15_000);
    expect(hostView(script.state, T0).participants.map((p) => p.points)).toEqual([0, 0, 0]);
    const outcome = script.answer(2, 0, 'NodePort', T0 + 16_000);
    const [reveal] = sent(outcome, 'reveal');
    expect(reveal?.reveal).toMatchObject({
      answer: 'ClusterIP',
      explanation: 'Explanation 0: the answer is right because of reason 0.',
      distribution: { ClusterIP: 2, NodePort: 1, LoadBalancer: 0, ExternalName: 0 },
      noAnswer: 0,
      isLast: false,
    });
    expect(reveal?.reveal.whyNot.NodePort).toBe('NodePort does not fit here.');
    expect(reveal?.reveal.leaderboard.map((r) => [r.name, r.rank, r.correct, r.asked])).toEqual([
      ['Ana', 1, 1, 1],
      ['Ben', 2, 1, 1],
      ['Cy', 3, 0, 1],
    ]);
    const results = sent(outcome, 'your-result').map((m) => m.result);
    expect(sendsTo(outcome, 'your-result')).toEqual([
      { to: 'participant', id: 'p0' },
      { to: 'participant', id: 'p1' },
      { to: 'participant', id: 'p2' },
    ]);
    expect(results[0]).toMatchObject({ choice: 'ClusterIP', correct: true, rank: 1, of: 3 });
    expect(results[0]?.points).toBeGreaterThan(results[1]!.points);
    expect(results[2]).toMatchObject({ choice: 'NodePort', correct: false, points: 0, rank: 3 });
    expect(outcome.effects).toContainEqual({ kind: 'host-view', urgent: true });
  });

  it('counts those who gave no answer, and does not count people who joined after', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start');
    script.answer(0, 0, 'ClusterIP');
    const outcome = script.host('reveal');
    expect(sent(outcome, 'reveal')[0]?.reveal.noAnswer).toBe(1);
    script.join('Late', 5);
    script.host('next');
    script.host('reveal');
    const late = script.state.participants.get('p2' as never)!;
    expect(late.firstIndex).toBe(1);
    const row = script.state.phase.phase === 'reveal' ? script.state.phase.reveal.leaderboard : [];
    expect(row.find((r) => r.name === 'Late')?.asked).toBe(1);
    expect(row.find((r) => r.name === 'Ana')?.asked).toBe(2);
  });
});

describe('coming back', () => {
  it('rejoins mid-question as the same person, answer kept, score kept', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: null } });
    script.host('start');
    script.answer(0, 0, 'ClusterIP');
    script.answer(1, 0, 'ClusterIP');
    script.host('next');
    script.answer(0, 1, 'LoadBalancer');
    script.run({ type: 'disconnected', token: token(0), connection: conn(0) });
    const back = script.run({ type: 'rejoin', token: token(0), connection: conn(0) });
    const [welcome] = sent(back, 'welcome');
    expect(welcome).toMatchObject({ participantId: 'p0', name: 'Ana', token: token(0) });
    expect(welcome?.view.state).toMatchObject({
      phase: 'question',
      yourAnswer: 'LoadBalancer',
      totalPoints: 1000,
    });
    expect(script.state.connected).toBe(2);
    expect(errorOf(script.answer(0, 1, 'NodePort'))).toBeUndefined();
    expect(script.state.rounds[1]?.answers.get('p0' as never)?.choice).toBe('LoadBalancer');
  });

  it('shows a rejoining person the reveal with their own result, and the final after the end', () => {
    const { script } = lobbyWith(['Ana']);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 10);
    const inReveal = sent(
      script.run({ type: 'rejoin', token: token(0), connection: conn(0) }),
      'welcome',
    )[0];
    expect(inReveal?.view.state).toMatchObject({
      phase: 'reveal',
      result: { correct: true, rank: 1, of: 1 },
    });
    script.host('end');
    const after = sent(
      script.run({ type: 'rejoin', token: token(0), connection: conn(0) }),
      'welcome',
    )[0];
    expect(after?.view.state).toMatchObject({
      phase: 'ended',
      result: { rank: 1, of: 1, points: 1000, correct: 1, asked: 1 },
    });
  });

  it('refuses an unknown token, a removed person and a person who left', () => {
    const { script, ids } = lobbyWith(['Ana', 'Ben']);
    expect(
      errorOf(script.run({ type: 'rejoin', token: token(9), connection: conn(9) })),
    ).toMatchObject({
      code: 'bad-token',
    });
    script.run({ type: 'remove', hostToken: HOST, participantId: ids[1]! });
    expect(
      errorOf(script.run({ type: 'rejoin', token: token(1), connection: conn(1) })),
    ).toMatchObject({
      code: 'removed',
    });
    script.run({ type: 'leave', token: token(0) });
    expect(
      errorOf(script.run({ type: 'rejoin', token: token(0), connection: conn(0) }))?.message,
    ).toContain('left');
  });
});

describe('leaving and removal', () => {
  it('frees the name of someone who left and closes their connections', () => {
    const { script } = lobbyWith(['Ana']);
    const outcome = script.run({ type: 'leave', token: token(0) });
    expect(outcome.effects).toContainEqual({
      kind: 'close',
      audience: { to: 'participant', id: 'p0' },
      code: CLOSE_CODES.left,
      reason: 'You left the session.',
    });
    expect(script.state.active).toBe(0);
    expect(script.join('Ana', 7)).toBe('p1');
  });

  it('tells a removed person, closes their connections and keeps their name taken', () => {
    const { script, ids } = lobbyWith(['Ana', 'Ben']);
    const outcome = script.run({ type: 'remove', hostToken: HOST, participantId: ids[0]! });
    expect(sent(outcome, 'removed')).toHaveLength(1);
    expect(sendsTo(outcome, 'removed')).toEqual([{ to: 'participant', id: 'p0' }]);
    expect(outcome.effects).toContainEqual(
      expect.objectContaining({ kind: 'close', code: CLOSE_CODES.removed }),
    );
    expect(
      errorOf(script.run({ type: 'join', name: 'Ana', token: token(5), connection: conn(5) })),
    ).toMatchObject({
      code: 'name-taken',
    });
    expect(errorOf(script.answer(0, 0, 'ClusterIP'))).toMatchObject({ code: 'removed' });
  });
});

describe('the end', () => {
  it('reveals an open question, then sends the final results and each person their place', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    const outcome = script.host('end', T0 + 200);
    expect(outcome.events.map((e) => e.type)).toEqual(['revealed', 'ended']);
    const [ended] = sent(outcome, 'ended');
    expect(ended?.final.podium.map((r) => r.name)).toEqual(['Ana', 'Ben']);
    expect(ended?.final.questions).toHaveLength(1);
    expect(sent(outcome, 'your-final').map((m) => m.result.rank)).toEqual([1, 2]);
    expect(errorOf(script.host('start'))).toMatchObject({ code: 'session-ended' });
    expect(errorOf(script.answer(1, 0, 'ClusterIP'))).toMatchObject({ code: 'session-ended' });
  });
});

describe('idle expiry', () => {
  it('expires only after the idle time with no activity, telling everyone and closing', () => {
    const idleMs = 2 * 3600_000;
    const { script } = lobbyWith(['Ana']);
    const joinedAt = script.state.lastActiveAt;
    expect(script.run({ type: 'expire' }, joinedAt + idleMs - 1).events).toEqual([]);
    const outcome = script.run({ type: 'expire' }, joinedAt + idleMs);
    expect(outcome.events.map((e) => e.type)).toEqual(['expired']);
    expect(errorOf(outcome)).toMatchObject({ code: 'session-ended' });
    expect(errorOf(outcome)?.message).toContain('2 hours');
    expect(outcome.effects).toContainEqual(
      expect.objectContaining({
        kind: 'close',
        audience: { to: 'everyone' },
        code: CLOSE_CODES.expired,
      }),
    );
  });
});

describe('resync, after another process took the session over', () => {
  it('sends the open question again (time left as it stands), and the host view, changing nothing', () => {
    const { script } = lobbyWith(['Ana', 'Ben'], { settings: { secondsPerQuestion: 30 } });
    expect(script.run({ type: 'resync' }).effects).toEqual([{ kind: 'host-view', urgent: true }]);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    const before = script.state;
    const again = script.run({ type: 'resync' }, T0 + 12_000);
    expect(again.events).toEqual([]);
    expect(again.state).toBe(before);
    expect(sendsTo(again, 'question')).toEqual([{ to: 'participants' }]);
    expect(sent(again, 'question')[0]?.question).toMatchObject({ index: 0, remainingMs: 18_000 });
    expect(again.effects).toContainEqual({ kind: 'progress' });
    expect(again.effects).toContainEqual({ kind: 'host-view', urgent: true });
  });

  it('sends the reveal with each person’s own result, and the final results after the end', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 100);
    script.answer(1, 0, 'NodePort', T0 + 200);
    const inReveal = script.run({ type: 'resync' });
    expect(sent(inReveal, 'reveal')).toHaveLength(1);
    expect(sendsTo(inReveal, 'your-result')).toEqual([
      { to: 'participant', id: 'p0' },
      { to: 'participant', id: 'p1' },
    ]);
    script.host('end');
    const ended = script.run({ type: 'resync' });
    expect(sent(ended, 'ended')).toHaveLength(1);
    expect(sent(ended, 'your-final').map((m) => m.result.points)).toEqual([1000, 0]);
  });
});

describe('events', () => {
  it('replay to the same state the handlers reached', () => {
    const created = createdFor({ settings: { scoring: 'speed' } });
    const script = new Script(replay(created, []));
    script.join('Ana', 0);
    script.join('Ben', 1);
    script.join('Cy', 2);
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 500);
    script.run({ type: 'disconnected', token: token(1), connection: conn(1) }, T0 + 600);
    script.answer(2, 0, 'LoadBalancer', T0 + 700);
    script.host('next', T0 + 800);
    script.run({ type: 'rejoin', token: token(1), connection: conn(1) }, T0 + 900);
    script.answer(1, 1, 'NodePort', T0 + 1000);
    script.run({ type: 'leave', token: token(2) }, T0 + 1100);
    script.host('end', T0 + 1200);
    const events = script.outcomes.flatMap((o) => o.events);
    const rebuilt = replay(created, events);
    expect(hostView(rebuilt, T0 + 2000)).toEqual(hostView(script.state, T0 + 2000));
    expect(rebuilt.phase).toEqual(script.state.phase);
    expect([...rebuilt.participants.values()]).toEqual([...script.state.participants.values()]);
    expect(rebuilt.connected).toBe(script.state.connected);
  });

  it('are small: an answer is one event naming one person, not the session', () => {
    const { script } = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    const { events } = script.answer(0, 0, 'ClusterIP', T0 + 10);
    expect(events).toEqual([
      {
        type: 'answered',
        at: T0 + 10,
        index: 0,
        participantId: 'p0',
        choice: 'ClusterIP',
        timeMs: 10,
      },
    ]);
  });

  it('leave the state they were applied to untouched', () => {
    const { script } = lobbyWith(['Ana']);
    script.host('start', T0);
    const before = script.state;
    const outcome = handle(
      before,
      { type: 'answer', token: token(0), index: 0, choice: 'NodePort' },
      T0 + 1,
    );
    expect(before.rounds[0]?.answers.size).toBe(0);
    expect(outcome.state.rounds[0]?.answers.size).toBe(1);
  });
});
