import { describe, expect, it } from 'vitest';
import type { JoinCode } from '../../src/domain/live-protocol';
import { createPlayerClient } from '../../src/lib/live-player-client';
import { createTokenStore } from '../../src/lib/live-tokens';
import { fakeClock, fakeWebSocket, MemoryStorage } from '../fakes/fake-websocket';
import {
  CODE,
  errorMsg,
  finalResults,
  msg,
  openQuestion,
  reveal,
  TOKEN_ANA,
  welcome,
  yourResult,
} from '../factories-live-client';

function setup(storage = new MemoryStorage()) {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const tokens = createTokenStore(storage, clock.now);
  const client = createPlayerClient({
    code: CODE as JoinCode,
    url: 'ws://test/live',
    WebSocket: ws.WebSocket,
    now: clock.now,
    random: () => 0.5,
    tokens,
    timers: clock.timers,
  });
  const place = () => client.getState().place;
  const phase = () => {
    const p = place();
    if (p.status !== 'in') throw new Error(`not in a session but ${p.status}`);
    return p.phase;
  };
  return { ws, clock, client, tokens, storage, place, phase, state: () => client.getState() };
}

/** Joined as Ana, with question 0 open. */
function joinedInQuestion() {
  const t = setup();
  t.client.join('Ana');
  t.ws.last().open();
  t.ws.last().receive(welcome({ phase: 'lobby' }));
  t.ws.last().receive(msg({ type: 'question', question: openQuestion({ remainingMs: 20_000 }) }));
  return t;
}

describe('player client', () => {
  it('joins with the code and name, then keeps the token it was given', () => {
    const t = setup();
    expect(t.client.resume()).toBe(false);
    t.client.join('Ana');
    expect(t.place()).toEqual({ status: 'joining', name: 'Ana' });
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([{ type: 'join', code: CODE, name: 'Ana' }]);
    t.ws.last().receive(welcome());
    expect(t.place()).toMatchObject({
      status: 'in',
      me: { name: 'Ana' },
      phase: { phase: 'lobby' },
    });
    expect(t.tokens.player(CODE as JoinCode)).toEqual({ token: TOKEN_ANA, name: 'Ana' });
  });

  it('answers once: the answer is pending, then received; a second answer is not sent', () => {
    const t = joinedInQuestion();
    t.client.answer('NodePort');
    t.client.answer('ClusterIP');
    expect(t.phase()).toMatchObject({ sending: 'NodePort', answer: null });
    t.ws.last().receive(msg({ type: 'ack', index: 0, choice: 'NodePort' }));
    expect(t.phase()).toMatchObject({ sending: null, answer: 'NodePort' });
    t.client.answer('ClusterIP');
    const answers = t.ws
      .last()
      .messages()
      .filter((m) => m.type === 'answer');
    expect(answers).toEqual([{ type: 'answer', index: 0, choice: 'NodePort' }]);
  });

  it('the countdown runs from local receipt time, not the server clock', () => {
    const t = setup();
    t.client.join('Ana');
    t.ws.last().open();
    t.clock.advance(7000);
    t.ws.last().receive(
      welcome({
        phase: 'question',
        question: openQuestion({ remainingMs: 9000 }),
        yourAnswer: null,
        totalPoints: 0,
      }),
    );
    const phase = t.phase();
    expect(phase.phase === 'question' && phase.deadline).toBe(t.clock.now() + 9000);
  });

  it('after a drop mid-question it rejoins as the same person, keeping the answer given', () => {
    const t = joinedInQuestion();
    t.client.answer('LoadBalancer');
    t.ws.last().receive(msg({ type: 'ack', index: 0, choice: 'LoadBalancer' }));
    t.ws.last().drop();
    expect(t.state().connection.status).toBe('waiting');
    t.clock.advance(1000);
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([{ type: 'rejoin', code: CODE, token: TOKEN_ANA }]);
    t.ws.last().receive(
      welcome({
        phase: 'question',
        question: openQuestion({ remainingMs: 10_000 }),
        yourAnswer: 'LoadBalancer',
        totalPoints: 500,
      }),
    );
    expect(t.phase()).toMatchObject({ phase: 'question', answer: 'LoadBalancer' });
    expect(t.place()).toMatchObject({ totalPoints: 500 });
    // The answer is not sent again: the server already has it.
    expect(
      t.ws
        .last()
        .messages()
        .filter((m) => m.type === 'answer'),
    ).toEqual([]);
  });

  it('an answer given while offline is sent after the rejoin', () => {
    const t = joinedInQuestion();
    t.ws.last().drop();
    t.client.answer('ExternalName');
    expect(t.phase()).toMatchObject({ sending: 'ExternalName' });
    t.clock.advance(1000);
    t.ws.last().open();
    t.ws.last().receive(
      welcome({
        phase: 'question',
        question: openQuestion(),
        yourAnswer: null,
        totalPoints: 0,
      }),
    );
    expect(t.ws.last().messages()).toEqual([
      { type: 'rejoin', code: CODE, token: TOKEN_ANA },
      { type: 'answer', index: 0, choice: 'ExternalName' },
    ]);
  });

  it('a reload (a new client on the same storage) rejoins with the saved token', () => {
    const first = joinedInQuestion();
    const t = setup(first.storage);
    expect(t.client.resume()).toBe(true);
    expect(t.place()).toEqual({ status: 'rejoining', name: 'Ana' });
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([{ type: 'rejoin', code: CODE, token: TOKEN_ANA }]);
  });

  it('keeps each revealed question as a result, with the right answer and the time', () => {
    const t = joinedInQuestion();
    t.ws.last().receive(msg({ type: 'reveal', reveal: reveal() }));
    expect(t.phase()).toMatchObject({ phase: 'reveal', result: null });
    t.ws.last().receive(msg({ type: 'your-result', result: yourResult({ totalPoints: 1000 }) }));
    expect(t.place()).toMatchObject({ totalPoints: 1000 });
    expect(t.state().results).toEqual([
      {
        index: 0,
        questionId: 'q-lb',
        answer: 'LoadBalancer',
        choice: 'LoadBalancer',
        correct: true,
        timeMs: 4200,
        points: 1000,
      },
    ]);
    t.ws.last().receive(msg({ type: 'ended', final: finalResults() }));
    t.ws.last().receive(
      msg({
        type: 'your-final',
        result: { rank: 1, of: 3, points: 2000, correct: 2, asked: 2 },
      }),
    );
    expect(t.phase()).toMatchObject({ phase: 'ended', result: { rank: 1 } });
  });

  it.each([['unknown-session'], ['session-full'], ['late-join-closed'], ['name-taken']])(
    'a join refused with %s goes back to the form with the reason and stops',
    (code) => {
      const t = setup();
      t.client.join('Ana');
      t.ws.last().open();
      t.ws.last().receive(errorMsg(code));
      expect(t.place()).toEqual({ status: 'form', name: 'Ana' });
      expect(t.state().problem).toEqual({ code, message: `refused: ${code}` });
      expect(t.state().connection).toEqual({ status: 'stopped' });
      // Trying again (another name) opens a new connection.
      t.client.join('Ana B');
      t.ws.last().open();
      expect(t.ws.last().messages()).toEqual([{ type: 'join', code: CODE, name: 'Ana B' }]);
    },
  );

  it('a saved place that the server no longer knows is forgotten, and the form shows', () => {
    const first = joinedInQuestion();
    const t = setup(first.storage);
    t.client.resume();
    t.ws.last().open();
    t.ws.last().receive(errorMsg('bad-token'));
    expect(t.place()).toEqual({ status: 'form', name: 'Ana' });
    expect(t.tokens.player(CODE as JoinCode)).toBeNull();
  });

  it('a removed participant is told, forgets the token and does not reconnect', () => {
    const t = joinedInQuestion();
    t.ws.last().receive(msg({ type: 'removed', message: 'The host removed you.' }));
    expect(t.place()).toEqual({ status: 'removed', message: 'The host removed you.' });
    expect(t.tokens.player(CODE as JoinCode)).toBeNull();
    t.ws.last().drop();
    t.clock.advance(60_000);
    expect(t.ws.sockets).toHaveLength(1);
  });

  it('a late answer is refused: no longer pending, and the reason is shown', () => {
    const t = joinedInQuestion();
    t.client.answer('NodePort');
    t.ws.last().receive(errorMsg('too-late', 'Time was up.', 'answer'));
    expect(t.phase()).toMatchObject({ sending: null, answer: null });
    expect(t.state().notice).toEqual({ code: 'too-late', message: 'Time was up.' });
  });

  it('a malformed message is reported and changes nothing else', () => {
    const t = joinedInQuestion();
    const before = t.place();
    t.ws.last().receive({ type: 'reveal', reveal: { answer: 'Ingress' } });
    t.ws.last().receive('<html>');
    expect(t.place()).toBe(before);
    expect(t.state().notice?.code).toBe('malformed-server-message');
  });

  it('leaving says so to the server, forgets the place and stops', () => {
    const t = joinedInQuestion();
    t.client.leave();
    expect(t.ws.sockets[0]!.messages().at(-1)).toEqual({ type: 'leave' });
    expect(t.place()).toEqual({ status: 'left' });
    expect(t.tokens.player(CODE as JoinCode)).toBeNull();
  });

  it('a close for removal without the message before it still says removed', () => {
    const t = joinedInQuestion();
    t.ws.last().drop(4001);
    expect(t.place()).toEqual({ status: 'removed', message: 'The host removed you.' });
    expect(t.tokens.player(CODE as JoinCode)).toBeNull();
  });

  it('an expired session sends the person back to the form, saying it ended', () => {
    const t = joinedInQuestion();
    t.ws.last().receive(errorMsg('session-ended', 'The session expired.'));
    t.ws.last().drop(4002);
    expect(t.place()).toEqual({ status: 'form', name: 'Ana' });
    expect(t.state().problem?.code).toBe('session-ended');
    t.clock.advance(60_000);
    expect(t.ws.sockets).toHaveLength(1);
  });
});
