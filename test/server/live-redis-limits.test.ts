import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../server/config';
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
  return [a, b] as const;
}

describe('limits across processes', () => {
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
