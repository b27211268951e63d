import { describe, expect, it } from 'vitest';
import type { HostToken, JoinCode } from '../../src/domain/live-protocol';
import { createHostClient } from '../../src/lib/live-host-client';
import { createTokenStore } from '../../src/lib/live-tokens';
import { fakeClock, fakeWebSocket, MemoryStorage } from '../fakes/fake-websocket';
import {
  CODE,
  errorMsg,
  HOST_TOKEN,
  hostView,
  msg,
  openQuestion,
  reveal,
} from '../factories-live-client';

function setup() {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const storage = new MemoryStorage();
  const tokens = createTokenStore(storage, clock.now);
  tokens.saveHost(CODE as JoinCode, HOST_TOKEN as HostToken);
  const client = createHostClient({
    code: CODE as JoinCode,
    hostToken: HOST_TOKEN as HostToken,
    url: 'ws://test/live',
    WebSocket: ws.WebSocket,
    now: clock.now,
    random: () => 0.5,
    tokens,
    timers: clock.timers,
  });
  client.start();
  return { ws, clock, client, tokens, state: () => client.getState() };
}

const ana = { id: 'pana', name: 'Ana' };
const questionState = (answered = 0, q = {}) => ({
  phase: 'question' as const,
  question: openQuestion(q),
  answered,
});

describe('host client', () => {
  it('takes control with host-hello and shows the view the server sends', () => {
    const t = setup();
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([
      { type: 'host-hello', code: CODE, hostToken: HOST_TOKEN },
    ]);
    let notified = 0;
    t.client.subscribe(() => (notified += 1));
    t.ws.last().receive(hostView({ phase: 'lobby' }, [ana]));
    expect(notified).toBe(1);
    expect(t.state().view?.participants.map((p) => p.name)).toEqual(['Ana']);
    expect(t.state().connection).toEqual({ status: 'open' });
  });

  it('counts down from its own receipt time, and takes answered counts from progress', () => {
    const t = setup();
    t.ws.last().open();
    t.clock.advance(5000);
    t.ws.last().receive(hostView(questionState(1, { remainingMs: 12_000 }), [ana]));
    expect(t.state().deadline).toBe(t.clock.now() + 12_000);
    expect(t.state().answered).toBe(1);
    t.ws.last().receive(msg({ type: 'progress', index: 0, answered: 3, participants: 4 }));
    expect(t.state().answered).toBe(3);
    // Progress for another question is stale and ignored.
    t.ws.last().receive(msg({ type: 'progress', index: 5, answered: 9, participants: 9 }));
    expect(t.state().answered).toBe(3);
  });

  it('holds a phase command until the view moves on, so a double click cannot skip a question', () => {
    const t = setup();
    t.ws.last().open();
    t.ws.last().receive(hostView({ phase: 'reveal', reveal: reveal() }, [ana]));
    expect(t.client.send({ type: 'next' })).toBe(true);
    expect(t.client.send({ type: 'next' })).toBe(false);
    expect(t.state().pending).toBe('next');
    // A view for the same step (someone joined) does not release it…
    t.ws
      .last()
      .receive(hostView({ phase: 'reveal', reveal: reveal() }, [ana, { id: 'pbo', name: 'Bo' }]));
    expect(t.state().pending).toBe('next');
    // …the next question does.
    t.ws.last().receive(hostView(questionState(0, { index: 1 }), [ana]));
    expect(t.state().pending).toBeNull();
    expect(
      t.ws
        .last()
        .messages()
        .filter((m) => m.type === 'next'),
    ).toHaveLength(1);
    // Remove is not a phase step and never waits.
    expect(t.client.send({ type: 'remove', participantId: 'pana' as never })).toBe(true);
  });

  it('a refused command is released and its reason shown', () => {
    const t = setup();
    t.ws.last().open();
    t.ws.last().receive(hostView());
    t.client.send({ type: 'start' });
    t.ws.last().receive(errorMsg('not-allowed', 'Only the host can start.', 'start'));
    expect(t.state().pending).toBeNull();
    expect(t.state().notice).toBe('Only the host can start.');
  });

  it('after a drop it reconnects and says host-hello again, keeping the last view meanwhile', () => {
    const t = setup();
    t.ws.last().open();
    t.ws.last().receive(hostView({ phase: 'lobby' }, [ana]));
    t.ws.last().drop();
    expect(t.state().connection.status).toBe('waiting');
    expect(t.state().view?.participants).toHaveLength(1);
    expect(t.client.send({ type: 'start' })).toBe(false);
    t.clock.advance(1000);
    t.ws.last().open();
    expect(t.ws.sockets).toHaveLength(2);
    expect(t.ws.last().messages()).toEqual([
      { type: 'host-hello', code: CODE, hostToken: HOST_TOKEN },
    ]);
  });

  it('a wrong or unknown token stops for good and forgets the saved token', () => {
    const t = setup();
    t.ws.last().open();
    t.ws.last().receive(errorMsg('bad-token', 'That host key does not fit this session.'));
    expect(t.state().fatal).toEqual({
      code: 'bad-token',
      message: 'That host key does not fit this session.',
    });
    expect(t.state().connection).toEqual({ status: 'stopped' });
    expect(t.tokens.host(CODE as JoinCode)).toBeNull();
    t.clock.advance(60_000);
    expect(t.ws.sockets).toHaveLength(1);
  });

  it('reports a malformed message and keeps the view it had', () => {
    const t = setup();
    t.ws.last().open();
    t.ws.last().receive(hostView({ phase: 'lobby' }, [ana]));
    const before = t.state().view;
    t.ws.last().receive({ type: 'host-view', view: { code: 'nope' } });
    expect(t.state().view).toBe(before);
    expect(t.state().notice).toMatch(/cannot read/);
  });
});
