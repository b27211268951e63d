import { describe, expect, it } from 'vitest';
import type { Effect, Outcome } from '../../src/domain/live-handlers';
import { CLOSE_CODES } from '../../src/domain/live-protocol';
import { conn, HOST, newLiveSession, Script, sendsTo, sent, token } from '../factories-live';

/**
 * Who hears about what: the progress count and the host's screen are pushed only when they can
 * have changed, and each message goes to the people it is for.
 */

const T0 = 1_000_000;
const PROGRESS: Effect = { kind: 'progress' };
const hostViews = (outcome: Outcome) => outcome.effects.filter((e) => e.kind === 'host-view');

function lobbyWith(names: string[], options: Parameters<typeof newLiveSession>[0] = {}) {
  const script = new Script(newLiveSession(options));
  names.forEach((name, i) => script.join(name, i));
  return script;
}

describe('the answered count', () => {
  it('is pushed when someone joins or comes back during a question, not in the lobby', () => {
    const script = lobbyWith(['Ana']);
    expect(script.outcomes[0]!.effects).not.toContainEqual(PROGRESS);
    script.host('start', T0);
    const late = script.run({ type: 'join', name: 'Ben', token: token(1), connection: conn(1) });
    expect(late.effects).toContainEqual(PROGRESS);
    script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
    const back = script.run({ type: 'rejoin', token: token(1), connection: conn(1) });
    expect(back.effects).toContainEqual(PROGRESS);
  });

  it('is not pushed when someone comes back to a reveal', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    script.host('start');
    script.host('reveal');
    const back = script.run({ type: 'rejoin', token: token(0), connection: 'test:tab2' });
    expect(back.effects).not.toContainEqual(PROGRESS);
  });

  it('is pushed when someone leaves or drops out of a question, not in the lobby', () => {
    const lobby = lobbyWith(['Ana', 'Ben', 'Cy']);
    expect(lobby.run({ type: 'leave', token: token(0) }).effects).not.toContainEqual(PROGRESS);
    expect(
      lobby.run({ type: 'disconnected', token: token(1), connection: conn(1) }).effects,
    ).not.toContainEqual(PROGRESS);

    const script = lobbyWith(['Ana', 'Ben', 'Cy']);
    script.host('start', T0);
    expect(script.run({ type: 'leave', token: token(0) }).effects).toContainEqual(PROGRESS);
    expect(
      script.run({ type: 'disconnected', token: token(1), connection: conn(1) }).effects,
    ).toContainEqual(PROGRESS);
  });

  it('is pushed when a crash takes connections during a question, not in the lobby', () => {
    const lobby = lobbyWith(['Ana', 'Ben']);
    const inLobby = lobby.run({ type: 'connections-lost', connections: [conn(0)] });
    expect(inLobby.effects).toEqual([{ kind: 'host-view', urgent: false }]);

    const script = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    const lost = script.run({ type: 'connections-lost', connections: [conn(0)] });
    expect(lost.effects).toEqual([{ kind: 'host-view', urgent: false }, PROGRESS]);
  });

  it('and the host screen are left alone when a crash took none of the session’s connections', () => {
    const script = lobbyWith(['Ana']);
    script.host('start', T0);
    expect(script.run({ type: 'connections-lost', connections: ['other:1'] }).effects).toEqual([]);
  });
});

describe('the host screen', () => {
  it('changes urgently at the start, the reveal and the end', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    expect(hostViews(script.host('start'))).toEqual([{ kind: 'host-view', urgent: true }]);
    expect(hostViews(script.host('reveal'))).toEqual([{ kind: 'host-view', urgent: true }]);
    expect(hostViews(script.host('end'))).toEqual([{ kind: 'host-view', urgent: true }]);
  });

  it('is not pushed for comings and goings after the end: its results are fixed', () => {
    const script = lobbyWith(['Ana', 'Ben']);
    script.host('end');
    expect(
      hostViews(script.run({ type: 'disconnected', token: token(0), connection: conn(0) })),
    ).toEqual([]);
    expect(hostViews(script.run({ type: 'rejoin', token: token(0), connection: conn(0) }))).toEqual(
      [],
    );
    expect(hostViews(script.run({ type: 'leave', token: token(1) }))).toEqual([]);
    expect(hostViews(script.run({ type: 'resync' }))).toEqual([
      { kind: 'host-view', urgent: true },
    ]);
  });
});

describe('closing a question by itself', () => {
  it('does not happen when the last connected person drops out before anyone answered', () => {
    const script = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    script.run({ type: 'disconnected', token: token(0), connection: conn(0) });
    const gone = script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
    expect(gone.state.phase.phase).toBe('question');
    expect(gone.events.map((e) => e.type)).toEqual(['presence']);
  });

  it('accepts an answer at the deadline itself, and refuses one a millisecond after', () => {
    const script = lobbyWith(['Ana', 'Ben', 'Cy'], { settings: { secondsPerQuestion: 10 } });
    script.host('start', T0);
    const onTime = script.answer(0, 0, 'ClusterIP', T0 + 10_000);
    expect(sent(onTime, 'ack')).toEqual([{ type: 'ack', index: 0, choice: 'ClusterIP' }]);
    expect(onTime.state.phase.phase).toBe('question');
    const late = script.answer(1, 0, 'ClusterIP', T0 + 10_001);
    expect(late.events.map((e) => e.type)).toEqual(['revealed']);
  });

  it('ignores a timer for a question already revealed, or for one before the open question', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: 10 } });
    script.host('start', T0);
    script.host('reveal', T0 + 1000);
    expect(script.run({ type: 'deadline', index: 0 }, T0 + 20_000).events).toEqual([]);
    script.host('next', T0 + 21_000);
    expect(script.run({ type: 'deadline', index: 0 }, T0 + 40_000).events).toEqual([]);
    expect(script.state.phase).toMatchObject({ phase: 'question', index: 1 });
  });

  it('ignores a timer in an untimed session', () => {
    const script = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    expect(script.run({ type: 'deadline', index: 0 }, T0 + 3_600_000).events).toEqual([]);
    expect(script.state.phase.phase).toBe('question');
  });
});

describe('messages go to the right people', () => {
  it('a repeated answer’s receipt goes to the sender', () => {
    const script = lobbyWith(['Ana', 'Ben']);
    script.host('start', T0);
    script.answer(0, 0, 'NodePort', T0 + 10);
    expect(sendsTo(script.answer(0, 0, 'NodePort', T0 + 20), 'ack')).toEqual([{ to: 'sender' }]);
  });

  it('the reveal goes to the room, each result only to those still connected', () => {
    const script = lobbyWith(['Ana', 'Ben', 'Cy'], { settings: { secondsPerQuestion: null } });
    script.host('start', T0);
    script.answer(0, 0, 'ClusterIP', T0 + 10);
    script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
    const outcome = script.host('reveal');
    expect(sendsTo(outcome, 'reveal')).toEqual([{ to: 'participants' }]);
    expect(sendsTo(outcome, 'your-result')).toEqual([
      { to: 'participant', id: 'p0' },
      { to: 'participant', id: 'p2' },
    ]);
  });

  it('the final results go to the room, each place only to its owner', () => {
    const script = lobbyWith(['Ana', 'Ben']);
    const outcome = script.host('end');
    expect(sendsTo(outcome, 'ended')).toEqual([{ to: 'participants' }]);
    expect(sendsTo(outcome, 'your-final')).toEqual([
      { to: 'participant', id: 'p0' },
      { to: 'participant', id: 'p1' },
    ]);
    expect(sent(outcome, 'your-final').map((m) => m.result.of)).toEqual([2, 2]);
  });

  it('a removed person is told why, and their connection closes with the reason', () => {
    const script = lobbyWith(['Ana']);
    const outcome = script.run({ type: 'remove', hostToken: HOST, participantId: 'p0' as never });
    expect(sent(outcome, 'removed')).toEqual([
      { type: 'removed', message: 'The host removed you from this session.' },
    ]);
    expect(outcome.effects).toContainEqual({
      kind: 'close',
      audience: { to: 'participant', id: 'p0' },
      code: CLOSE_CODES.removed,
      reason: 'Removed by the host.',
    });
  });
});

describe('ending', () => {
  it('from a reveal or the lobby records only the end', () => {
    const fromLobby = lobbyWith(['Ana']);
    expect(fromLobby.host('end').events.map((e) => e.type)).toEqual(['ended']);
    const fromReveal = lobbyWith(['Ana'], { settings: { secondsPerQuestion: null } });
    fromReveal.host('start');
    fromReveal.host('reveal');
    const outcome = fromReveal.host('end');
    expect(outcome.events.map((e) => e.type)).toEqual(['ended']);
    expect(sent(outcome, 'reveal')).toEqual([]);
  });
});

describe('idle expiry', () => {
  it('tells everyone in hours, one hour in the singular, and closes with its reason', () => {
    const script = lobbyWith(['Ana'], { limits: { idleMs: 3_600_000 } });
    const before = script.state;
    const outcome = script.run({ type: 'expire' }, before.lastActiveAt + 3_600_000);
    expect(outcome.effects).toEqual([
      {
        kind: 'send',
        audience: { to: 'everyone' },
        message: {
          type: 'error',
          code: 'session-ended',
          message: 'This session expired after 1 hour without activity.',
        },
      },
      {
        kind: 'close',
        audience: { to: 'everyone' },
        code: CLOSE_CODES.expired,
        reason: 'Session expired.',
      },
    ]);
    // Expiry is not activity: the session's state, and its last activity, stay as they were.
    expect(outcome.state.lastActiveAt).toBe(before.lastActiveAt);
    expect(outcome.state.phase).toEqual(before.phase);
    expect(outcome.state.active).toBe(1);
  });

  it('counts from the last thing that happened', () => {
    const script = lobbyWith(['Ana'], { limits: { idleMs: 90 * 60_000 } });
    script.run({ type: 'leave', token: token(0) }, T0 + 5000);
    expect(script.state.lastActiveAt).toBe(T0 + 5000);
    expect(script.run({ type: 'expire' }, T0 + 5000 + 90 * 60_000 - 1).events).toEqual([]);
    const outcome = script.run({ type: 'expire' }, T0 + 5000 + 90 * 60_000);
    expect(sent(outcome, 'error')[0]?.message).toBe(
      'This session expired after 1.5 hours without activity.',
    );
  });
});
