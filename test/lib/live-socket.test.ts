import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  backoffDelay,
  createLiveSocket,
  type ConnectionState,
} from '../../src/lib/live-socket';
import type { ServerMessage } from '../../src/domain/live-protocol';
import { fakeClock, fakeWebSocket } from '../fakes/fake-websocket';
import { errorMsg } from '../factories-live-client';

function setup(random = () => 0.5) {
  const ws = fakeWebSocket();
  const clock = fakeClock();
  const states: ConnectionState[] = [];
  const received: ServerMessage[] = [];
  const malformed: string[] = [];
  let opens = 0;
  const socket = createLiveSocket({
    url: 'ws://test/live',
    WebSocket: ws.WebSocket,
    now: clock.now,
    random,
    timers: clock.timers,
    onOpen(send) {
      opens += 1;
      send({ type: 'rejoin', code: 'K8SABC', token: 'x'.repeat(22) } as never);
    },
    onMessage: (m) => received.push(m),
    onMalformed: (e) => malformed.push(e),
    onState: (s) => states.push(s),
  });
  return { ws, clock, states, received, malformed, socket, opens: () => opens };
}

describe('backoffDelay', () => {
  it('doubles from half a second, with half of each step random', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0.999999))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });

  it('stops growing at the cap, even after very many attempts', () => {
    expect(backoffDelay(10, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(5000, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('createLiveSocket', () => {
  it('says who it is on every connection, and reconnects with growing delays after drops', () => {
    const t = setup();
    t.socket.connect();
    expect(t.ws.sockets).toHaveLength(1);
    expect(t.ws.last().url).toBe('ws://test/live');
    t.ws.last().open();
    expect(t.ws.last().messages()).toEqual([expect.objectContaining({ type: 'rejoin' })]);

    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.ws.last().drop();
      expect(t.states.at(-1)?.status).toBe('waiting');
      delays.push(t.clock.delays()[0] ?? -1);
      const before = t.ws.sockets.length;
      t.clock.advance(delays[i]! - 1);
      expect(t.ws.sockets).toHaveLength(before);
      t.clock.advance(1);
      expect(t.ws.sockets).toHaveLength(before + 1);
    }
    // random() = 0.5: three quarters of each doubling step.
    expect(delays).toEqual([375, 750, 1500, 3000]);
    t.ws.last().open();
    expect(t.opens()).toBe(2);
    expect(t.ws.last().messages()).toEqual([expect.objectContaining({ type: 'rejoin' })]);
  });

  it('starts the backoff over once the server has accepted it again', () => {
    const t = setup();
    t.socket.connect();
    t.ws.last().drop();
    t.clock.advance(10_000);
    t.ws.last().drop();
    t.clock.advance(10_000);
    t.ws.last().open();
    t.socket.markHealthy();
    t.ws.last().drop();
    expect(t.clock.delays()).toEqual([375]);
  });

  it('spreads the retries of a room of clients with jitter', () => {
    const firstDelays = [0, 0.25, 0.75].map((r) => {
      const t = setup(() => r);
      t.socket.connect();
      t.ws.last().drop();
      return t.clock.delays()[0];
    });
    expect(new Set(firstDelays).size).toBe(3);
  });

  it('parses every message; a malformed one is reported and not passed on', () => {
    const t = setup();
    t.socket.connect();
    t.ws.last().open();
    t.ws.last().receive('not json {');
    t.ws.last().receive({ type: 'question', question: { index: -1 } });
    t.ws.last().receive({ type: 'no-such-type' });
    t.ws.last().receive(errorMsg('not-open'));
    expect(t.malformed).toHaveLength(3);
    expect(t.malformed[0]).toBe('not JSON');
    expect(t.received).toEqual([expect.objectContaining({ type: 'error', code: 'not-open' })]);
    // Nothing about the connection changed.
    expect(t.states.at(-1)).toEqual({ status: 'open' });
  });

  it('sends nothing while disconnected and says so', () => {
    const t = setup();
    t.socket.connect();
    expect(t.socket.send({ type: 'answer', index: 0, choice: 'NodePort' })).toBe(false);
    t.ws.last().open();
    expect(t.socket.send({ type: 'answer', index: 0, choice: 'NodePort' })).toBe(true);
    t.ws.last().drop();
    expect(t.socket.send({ type: 'answer', index: 0, choice: 'NodePort' })).toBe(false);
  });

  it('stops for good: no retry, and a late close of the old socket changes nothing', () => {
    const t = setup();
    t.socket.connect();
    const first = t.ws.last();
    first.open();
    t.socket.stop();
    expect(first.closedByClient).toBe(true);
    expect(t.states.at(-1)).toEqual({ status: 'stopped' });
    first.drop();
    t.clock.advance(60_000);
    expect(t.ws.sockets).toHaveLength(1);
    expect(t.clock.pendingCount()).toBe(0);
  });

  it('reconnects at once when asked while waiting, and restarts a socket that looks open', () => {
    const t = setup();
    t.socket.connect();
    t.ws.last().drop();
    t.socket.reconnectNow();
    expect(t.ws.sockets).toHaveLength(2);
    expect(t.clock.pendingCount()).toBe(0);
    t.ws.last().open();
    // An open socket is left alone by reconnectNow, but restart replaces it.
    t.socket.reconnectNow();
    expect(t.ws.sockets).toHaveLength(2);
    t.socket.restart();
    expect(t.ws.sockets).toHaveLength(3);
    expect(t.ws.sockets[1]!.closedByClient).toBe(true);
    // The replaced socket's late events are ignored.
    t.ws.sockets[1]!.receive(errorMsg('not-open'));
    expect(t.received).toEqual([]);
  });

  it.each([
    [4000, 'left'],
    [4001, 'removed'],
    [4002, 'expired'],
  ])('does not come back after a final close (%i, %s)', (code) => {
    const t = setup();
    t.socket.connect();
    t.ws.last().open();
    t.ws.last().drop(code);
    expect(t.states.at(-1)).toEqual({ status: 'stopped' });
    t.clock.advance(60_000);
    expect(t.ws.sockets).toHaveLength(1);
  });

  it('comes back after a flood close or a server restart', () => {
    for (const code of [1008, 1001, 1006]) {
      const t = setup();
      t.socket.connect();
      t.ws.last().open();
      t.ws.last().drop(code);
      expect(t.states.at(-1)?.status).toBe('waiting');
    }
  });
});
