import { afterEach, expect, it } from 'vitest';
import { MemorySessionStore } from '../../server/live/session-store';
import { CLOSE_CODES, type JoinCode } from '../../src/domain/live-protocol';
import type { ChangeEvent, LiveSession } from '../../src/domain/live-session';
import { hostOf, joinAs, request, startServer, type Harness } from './live-harness';

/** A store that can be told to fail, as a shared store does when its network goes. */
class FlakyStore extends MemorySessionStore {
  failing = false;
  appended: ChangeEvent[][] = [];
  override async append(
    code: JoinCode,
    version: number,
    events: readonly ChangeEvent[],
    next: LiveSession,
  ) {
    if (this.failing) throw new Error('store unreachable');
    this.appended.push([...events]);
    return super.append(code, version, events, next);
  }
}

let h: Harness;
afterEach(() => h.close());

it('acknowledges an answer only once the store holds it, and loses nothing when it cannot', async () => {
  const store = new FlakyStore();
  h = await startServer({}, store);
  const { code, hostToken } = await h.create();
  const host = await hostOf(h, code, hostToken);
  const ana = await joinAs(h, code, 'Ana');
  await joinAs(h, code, 'Ben');
  host.send({ type: 'start' });
  await ana.client.next('question');

  store.failing = true;
  const refused = await request(
    ana.client,
    { type: 'answer', index: 0, choice: 'NodePort' },
    'error',
  );
  expect(refused).toMatchObject({ code: 'unavailable', ref: 'answer' });
  expect(ana.client.count('ack')).toBe(0);
  expect((await store.load(code))?.state.rounds[0]?.answers.size).toBe(0);

  store.failing = false;
  const ack = await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
  expect(ack.choice).toBe('NodePort');
  // What the store was given for the answer: one small event, not the session.
  expect(store.appended.at(-1)).toEqual([
    expect.objectContaining({
      type: 'answered',
      index: 0,
      participantId: ana.welcome.participantId,
    }),
  ]);
  expect((await store.load(code))?.state.rounds[0]?.answers.size).toBe(1);
});

it('asks a connection to come back when its command never settles (lost with a crashed process)', async () => {
  /** A store whose writes stop answering, as a process that died mid-write would. */
  class HangingStore extends MemorySessionStore {
    hang = false;
    private reached = () => undefined as void;
    /** Resolves when a write starts hanging. */
    hung = new Promise<void>((resolve) => (this.reached = resolve));
    override async append(
      code: JoinCode,
      version: number,
      events: readonly ChangeEvent[],
      next: LiveSession,
    ) {
      if (!this.hang) return super.append(code, version, events, next);
      this.reached();
      return new Promise<void>(() => undefined);
    }
  }
  const store = new HangingStore();
  h = await startServer({ requestTimeoutMs: 10_000 }, store);
  const { code, hostToken } = await h.create();
  const host = await hostOf(h, code, hostToken);
  const ana = await joinAs(h, code, 'Ana');
  await joinAs(h, code, 'Ben');
  host.send({ type: 'start' });
  await ana.client.next('question');

  store.hang = true;
  ana.client.send({ type: 'answer', index: 0, choice: 'NodePort' });
  await store.hung;
  h.clock.advance(9_000);
  expect(ana.client.ws.readyState).toBe(ana.client.ws.OPEN);
  h.clock.advance(6_000);
  expect(await ana.client.closed).toEqual({
    code: CLOSE_CODES.tryAgain,
    reason: 'The server lost track of a request.',
  });
  expect(ana.client.count('ack')).toBe(0);
});
