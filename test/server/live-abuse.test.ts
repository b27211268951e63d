import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerConfig } from '../../server/config';
import { CLOSE_CODES, MAX_CLIENT_MESSAGE_BYTES } from '../../src/domain/live-protocol';
import { hostOf, joinAs, request, startServer, type Harness } from './live-harness';

let h: Harness;
async function server(config: Partial<ServerConfig> = {}) {
  h = await startServer(config);
  return h;
}
afterEach(() => h?.close());

const health = async () => (await fetch(`${h.http}/healthz`)).json();

describe('bad messages', () => {
  it('answers malformed, empty, unknown and binary messages with an error and changes nothing', async () => {
    await server();
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    const before = await h.app.store.load(code);
    const bad = [
      '',
      'not json',
      '[]',
      'null',
      '{"type":"explode"}',
      '{"type":"answer","index":0,"choice":"Ingress"}',
      '{"type":"answer","index":"0","choice":"NodePort"}',
      '{"type":"join","code":"ABCDEF","name":"","extra":1}',
      '{"__proto__":{"polluted":true},"type":"start"}',
      '\u0000\u0001\u0002',
    ];
    for (const raw of bad) {
      const error = await request(ana.client, raw, 'error');
      expect(error.code, JSON.stringify(raw)).toBe('malformed');
    }
    const binary = ana.client.next('error');
    ana.client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await binary).message).toContain('JSON text');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await h.app.store.load(code)).toBe(before);
    // The session still works.
    const question = ana.client.next('question');
    host.send({ type: 'start' });
    expect((await question).question.index).toBe(0);
  });

  it('keeps other sessions untouched by a bad client in one of them', async () => {
    await server();
    const first = await h.create();
    const second = await h.create();
    const host = await hostOf(h, second.code, second.hostToken);
    const ben = await joinAs(h, second.code, 'Ben');
    const troll = await joinAs(h, first.code, 'Troll');
    for (const raw of ['{', '{"type":"start"}', '{"type":"answer","index":99,"choice":"NodePort"}'])
      await request(troll.client, raw, 'error');
    const question = ben.client.next('question');
    host.send({ type: 'start' });
    expect((await question).question.index).toBe(0);
    expect(troll.client.count('question')).toBe(0);
  });

  it('refuses host-only messages from participants and answers from non-participants', async () => {
    await server();
    const { code } = await h.create();
    const ana = await joinAs(h, code, 'Ana');
    for (const type of ['start', 'reveal', 'next', 'end'] as const)
      expect((await request(ana.client, { type }, 'error')).code).toBe('not-allowed');
    const stranger = await h.connect();
    const answer = await request(
      stranger,
      { type: 'answer', index: 0, choice: 'NodePort' },
      'error',
    );
    expect(answer.code).toBe('not-allowed');
    const again = await request(ana.client, { type: 'join', code, name: 'Ana 2' }, 'error');
    expect(again.code).toBe('not-allowed');
    expect((await h.app.store.load(code))?.state.active).toBe(1);
  });

  it('closes a connection whose message is over 4 KB, and carries on', async () => {
    await server();
    const { code } = await h.create();
    const ana = await joinAs(h, code, 'Ana');
    ana.client.send(
      JSON.stringify({ type: 'join', code, name: 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES) }),
    );
    expect((await ana.client.closed).code).toBe(CLOSE_CODES.tooLarge);
    expect((await health()).status).toBe('ok');
    const ben = await joinAs(h, code, 'Ben');
    expect(ben.welcome.name).toBe('Ben');
  });

  it('closes a flooding connection with 1008 and a reason', async () => {
    await server({ messageBurst: 20, messagesPerSecond: 5 });
    const { code } = await h.create();
    const ana = await joinAs(h, code, 'Ana');
    for (let i = 0; i < 100; i++) ana.client.send({ type: 'answer', index: 0, choice: 'NodePort' });
    const closed = await ana.client.closed;
    expect(closed.code).toBe(CLOSE_CODES.policy);
    expect(closed.reason).toMatch(/too many messages/i);
    // Fewer than the 100 sent were handled: the rest never reached the session.
    expect(ana.client.count('error')).toBeLessThan(20);
    expect((await health()).status).toBe('ok');
  });

  it('lets a steady client send as much as it likes over time', async () => {
    await server({ messageBurst: 5, messagesPerSecond: 5 });
    const { code } = await h.create();
    const ana = await joinAs(h, code, 'Ana');
    for (let i = 0; i < 20; i++) {
      h.clock.advance(200);
      await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'error');
    }
    expect(ana.client.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('treats names as text: markup is kept as typed, never interpreted', async () => {
    await server();
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const name = '<b onclick=x()>Ana</b>';
    const ana = await joinAs(h, code, name);
    expect(ana.welcome.name).toBe(name);
    const view = await h.flush(host.next('host-view', (m) => m.view.participants.length === 1));
    expect(view.view.participants[0]?.name).toBe(name);
  });
});

describe('secrets', () => {
  it('sends a participant token only to its owner, and the host token to no one', async () => {
    await server();
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    const ben = await joinAs(h, code, 'Ben');
    host.send({ type: 'start' });
    await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    await request(ben.client, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
    await ana.client.next('reveal');
    host.send({ type: 'end' });
    await h.flush(host.next('host-view', (m) => m.view.state.phase === 'ended'));
    await ben.client.next('ended');

    const all = (c: { raw: string[] }) => c.raw.join('\n');
    expect(all(host)).not.toContain(ana.welcome.token);
    expect(all(host)).not.toContain(ben.welcome.token);
    expect(all(ben.client)).not.toContain(ana.welcome.token);
    expect(all(ana.client)).not.toContain(ben.welcome.token);
    for (const c of [host, ana.client, ben.client]) expect(all(c)).not.toContain(hostToken);
    expect(all(ana.client).split(ana.welcome.token).length - 1).toBe(1);
  });
});

describe('limits', () => {
  it('caps participants per session', async () => {
    await server({ maxParticipants: 2 });
    const { code } = await h.create();
    await joinAs(h, code, 'Ana');
    await joinAs(h, code, 'Ben');
    const third = await h.connect();
    const refused = await request(third, { type: 'join', code, name: 'Cy' }, 'error');
    expect(refused.code).toBe('session-full');
  });

  it('caps sessions per server', async () => {
    await server({ maxSessions: 1 });
    await h.create();
    const res = await h.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'seed', count: 2, seed: 'a' },
      settings: { secondsPerQuestion: null, scoring: 'accuracy', lateJoin: true },
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'server-full' });
  });

  it('limits how many sessions one address creates a minute', async () => {
    await server({ sessionsPerMinute: 3 });
    for (let i = 0; i < 3; i++) await h.create();
    const res = await h.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'seed', count: 2, seed: 'a' },
      settings: { secondsPerQuestion: null, scoring: 'accuracy', lateJoin: true },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect((await res.json()).error).toBe('rate-limited');
    h.clock.advance(20_000);
    await h.create();
  });

  it('drops a connection that stops answering pings, and shows the person as gone', async () => {
    await server({ pingIntervalMs: 30_000 });
    const { code, hostToken } = await h.create();
    const host = await hostOf(h, code, hostToken);
    const silent = await h.connect({ autoPong: false });
    await request(silent, { type: 'join', code, name: 'Sleepy' }, 'welcome');
    const lively = await joinAs(h, code, 'Lively');
    h.clock.advance(30_000);
    // A real round trip for the pings and pongs before the next check.
    await request(lively.client, '{}', 'error');
    await request(host, '{}', 'error');
    h.clock.advance(30_000);
    expect((await silent.closed).code).toBe(1006);
    expect(lively.client.ws.readyState).toBe(WebSocket.OPEN);
    const view = await h.flush(
      host.next('host-view', (m) =>
        m.view.participants.some((p) => p.name === 'Sleepy' && !p.connected),
      ),
    );
    expect(view.view.participants.find((p) => p.name === 'Lively')?.connected).toBe(true);
  });
});

describe('origins', () => {
  it('refuses a WebSocket from another site, and accepts its own and allowed ones', async () => {
    await server({ allowedOrigins: ['https://trainer.example'] });
    const port = new URL(h.http).port;
    const attempt = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(h.ws, { origin });
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    expect(await attempt('https://evil.example')).toBe(403);
    expect(await attempt(`http://localhost:${port}`)).toBe(403);
    expect(await attempt(`http://127.0.0.1:${port}`)).toBe(101);
    expect(await attempt('https://trainer.example')).toBe(101);
  });

  it('refuses to create a session for another site', async () => {
    await server();
    const res = await h.post(
      {
        bank: { kind: 'builtin' },
        selection: { kind: 'seed', count: 2, seed: 'a' },
        settings: { secondsPerQuestion: null, scoring: 'accuracy', lateJoin: true },
      },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(await h.app.store.count()).toBe(0);
  });
});

describe('creating a session over HTTP', () => {
  const settings = { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true };

  it('lists every problem of a custom bank, naming the question and field', async () => {
    await server();
    const res = await h.post({
      bank: {
        kind: 'custom',
        data: {
          version: 1,
          title: 'Mine',
          questions: [
            { id: 'ok-one', prompt: 'Fine.', answer: 'ClusterIP' },
            { id: 'bad-one', prompt: '', answer: 'Nodeport' },
          ],
        },
      },
      selection: { kind: 'seed', count: 2, seed: 'a' },
      settings,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid-bank');
    expect(body.problems).toEqual([
      { where: 'questions[1] (id "bad-one").prompt', message: 'must not be empty' },
      {
        where: 'questions[1] (id "bad-one").answer',
        message: 'expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
      },
    ]);
  });

  it('plays a valid custom bank, questions in the listed order', async () => {
    await server();
    const res = await h.post({
      bank: {
        kind: 'custom',
        data: {
          version: 1,
          title: 'Mine',
          questions: [
            { id: 'first', prompt: 'First?', answer: 'ClusterIP' },
            { id: 'second', prompt: 'Second?', answer: 'NodePort' },
          ],
        },
      },
      selection: { kind: 'ids', ids: ['second', 'first'] },
      settings,
    });
    expect(res.status).toBe(201);
    const { code, hostToken } = await res.json();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    expect(ana.welcome.view).toMatchObject({ title: 'Mine', total: 2 });
    host.send({ type: 'start' });
    expect((await ana.client.next('question')).question.questionId).toBe('second');
  });

  it('refuses unknown or repeated question ids, bad JSON, bad settings, other types and big bodies', async () => {
    await server({ maxBankBytes: 10_000 });
    const ids = await h.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'ids', ids: ['live-q0', 'nope', 'live-q0'] },
      settings,
    });
    expect(ids.status).toBe(400);
    expect((await ids.json()).problems).toEqual([
      { where: 'selection.ids[1]', message: 'no question "nope" in the bank' },
      { where: 'selection.ids[2]', message: '"live-q0" is listed twice' },
    ]);
    expect((await h.post('{not json')).status).toBe(400);
    const bad = await h.post({
      bank: { kind: 'builtin' },
      selection: { kind: 'seed', count: 0, seed: '' },
      settings: { ...settings, secondsPerQuestion: 1 },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems.map((p: { where: string }) => p.where)).toEqual([
      'selection.count',
      'selection.seed',
      'settings.secondsPerQuestion',
    ]);
    expect((await h.post('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const big = await h.post({ bank: { kind: 'custom', data: 'x'.repeat(20_000) } });
    expect(big.status).toBe(413);
    expect(await h.app.store.count()).toBe(0);
  });

  it('reports sessions and connections on /healthz', async () => {
    await server();
    const { code } = await h.create();
    await joinAs(h, code, 'Ana');
    await h.connect();
    expect(await health()).toMatchObject({ status: 'ok', sessions: 1, connections: 2 });
  });
});
