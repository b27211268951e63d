import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../server/config';
import { RedisKeys } from '../../server/live/redis/keys';
import { Client, joinAs, request, type Harness } from './live-harness';
import { startRedis, startRedisServer, type TestRedis } from './redis-harness';

// Two servers in this test process, each its own process id, sharing one real Redis: the limits
// hold for the whole deployment, not per process.

let redis: TestRedis;
let servers: Harness[] = [];
let prefixes = 0;

beforeAll(async () => {
  Client.timeoutMs = 10_000;
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
afterAll(async () => {
  Client.timeoutMs = 4000;
  await redis?.stop();
});

/** Two processes, A and B, on a key prefix of their own (a fresh deployment per test). */
async function pair(config: Partial<ServerConfig> = {}) {
  const prefix = `limits${prefixes++}:`;
  const a = await startRedisServer(redis, `a${prefixes}`, config, prefix);
  const b = await startRedisServer(redis, `b${prefixes}`, config, prefix);
  servers.push(a, b);
  return Object.assign([a, b] as const, {
    keys: new RedisKeys(prefix),
    ids: [`a${prefixes}`, `b${prefixes}`],
  });
}

describe('limits across processes', { timeout: 30_000 }, () => {
  it('counts every process’s sessions against the cap', async () => {
    const [a, b] = await pair({ maxSessions: 2 });
    await a.create();
    await b.create();
    const third = await a.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'ids', ids: ['live-q0'] },
      settings: { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true },
    });
    expect(third.status).toBe(503);
    expect((await third.json()).error).toBe('server-full');
  });

  it('limits session creation per address for all processes together', async () => {
    const [a, b] = await pair({ sessionsPerMinute: 3 });
    await a.create();
    await b.create();
    await a.create();
    const fourth = await b.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'ids', ids: ['live-q0'] },
      settings: { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true },
    });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('keeps names unique, the participant cap, and one answer per question across processes', async () => {
    const [a, b] = await pair({ maxParticipants: 2 });
    const { code, hostToken } = await a.create();
    const ana = await joinAs(a, code, 'Ana');
    const taken = await request(await b.connect(), { type: 'join', code, name: 'ANA' }, 'error');
    expect(taken.code).toBe('name-taken');
    await joinAs(b, code, 'Ben');
    const full = await request(await b.connect(), { type: 'join', code, name: 'Cy' }, 'error');
    expect(full.code).toBe('session-full');

    const host = await b.connect();
    await request(host, { type: 'host-hello', code, hostToken }, 'host-view');
    const opened = ana.client.next('question');
    host.send({ type: 'start' });
    await opened;
    // Ana in two tabs, one on each process: her second answer is her first one.
    const second = await b.connect();
    await request(second, { type: 'rejoin', code, token: ana.welcome.token }, 'welcome');
    await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    const again = await request(second, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
    expect(again.choice).toBe('NodePort');
    const progress = await host.next('progress', (m) => m.answered === 1);
    expect(progress.participants).toBe(2);
  });
});

describe('deliveries across processes', { timeout: 30_000 }, () => {
  it('sends a room message once per process, and a person’s own messages only where they are', async () => {
    const processes = await pair();
    const [a, b] = processes;
    const [idA, idB] = processes.ids;
    const { code, hostToken } = await a.create();
    const ana = await joinAs(a, code, 'Ana');
    const ben = await joinAs(b, code, 'Ben');

    // A listener of its own on every channel the session's messages could take.
    const spy = await redis.link();
    const heard: { channel: string; text: string }[] = [];
    spy.subscriber.on('message', (channel: string, text: string) => heard.push({ channel, text }));
    const { keys } = processes;
    const channels = [keys.deliveries(code), keys.direct(idA!), keys.direct(idB!)];
    await spy.subscriber.subscribe(...channels);

    const host = await a.connect();
    await request(host, { type: 'host-hello', code, hostToken }, 'host-view');
    const opened = ben.client.next('question');
    host.send({ type: 'start' });
    await opened;
    const results = [ana.client.next('your-result'), ben.client.next('your-result')];
    await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    await request(ben.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    await Promise.all(results);

    const on = (channel: string, what: string) =>
      heard.filter((m) => m.channel === channel && m.text.includes(what)).length;
    // The reveal: once, on the room's channel. Each person's result: only to Ben's process (A
    // holds Ana and delivers hers itself), and Ana's ack never leaves A.
    expect(on(channels[0]!, '\\"type\\":\\"reveal\\"')).toBe(1);
    expect(on(channels[0]!, 'your-result')).toBe(0);
    expect(on(channels[2]!, 'your-result')).toBe(1);
    expect(on(channels[2]!, ben.welcome.participantId)).toBeGreaterThan(0);
    expect(heard.filter((m) => m.text.includes(`"id":"${ana.welcome.participantId}"`))).toEqual([]);
    expect(on(channels[1]!, 'your-result')).toBe(0);
  });
});
