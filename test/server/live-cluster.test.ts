import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { CLOSE_CODES, type CreateSessionRequest } from '../../src/domain/live-protocol';
import { makeBank } from '../factories';
import {
  createSession,
  hostOn,
  joinOn,
  spawnServer,
  waitFor,
  type ServerProcess,
} from './cluster-harness';
import { Client, request, secretQuestions } from './live-harness';
import { startRedis, type TestRedis } from './redis-harness';

// Two real server processes (A and B) and one real Redis. Answers by question: q0 NodePort,
// q1 ExternalName, q2 LoadBalancer.

let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
const clients: Client[] = [];

beforeAll(async () => {
  // Across processes on a shared, busy machine: allow more than the in-process tests do.
  Client.timeoutMs = 15_000;
  redis = await startRedis();
  [a, b] = await Promise.all([spawnServer('A', redis.url), spawnServer('B', redis.url)]);
}, 60_000);

// What the servers said, when a test fails: the first place to look.
afterEach((context) => {
  if (context.task.result?.state === 'fail')
    console.error([...(a?.output ?? []), ...(b?.output ?? [])].join('\n'));
});

afterAll(async () => {
  Client.timeoutMs = 4000;
  for (const client of clients) client.ws.terminate();
  await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
  await redis?.stop();
});

const bank = makeBank(secretQuestions(), { title: 'Cluster test bank' });
const sessionOf = (settings: Partial<CreateSessionRequest['settings']> = {}) =>
  ({
    bank: { kind: 'custom', data: bank },
    selection: { kind: 'ids', ids: ['live-q0', 'live-q1', 'live-q2'] as QuestionId[] },
    settings: { secondsPerQuestion: 60, scoring: 'accuracy', lateJoin: true, ...settings },
  }) satisfies CreateSessionRequest;

async function join(server: ServerProcess, code: Parameters<typeof joinOn>[1], name: string) {
  const person = await joinOn(server, code, name);
  clients.push(person.client);
  return person;
}

async function rejoin(server: ServerProcess, code: string, token: string) {
  const client = await server.connect();
  clients.push(client);
  const welcome = await request(client, { type: 'rejoin', code, token }, 'welcome');
  return { client, welcome };
}

async function host(server: ServerProcess, code: Parameters<typeof hostOn>[1], token: string) {
  const client = await hostOn(server, code, token);
  clients.push(client);
  return client;
}

// Bounded waits inside (each message within Client.timeoutMs); the test's own limit only backs
// them up on a busy machine.
describe('sessions across two server processes sharing one Redis', { timeout: 60_000 }, () => {
  it('plays a whole session with the host on A and people on A and B, with the right scores', async () => {
    const { code, hostToken } = await createSession(a, sessionOf());
    const hostA = await host(a, code, hostToken);
    const ana = await join(a, code, 'Ana');
    const ben = await join(a, code, 'Ben');
    const cy = await join(b, code, 'Cy');
    const dee = await join(b, code, 'Dee');
    const people = [ana, ben, cy, dee];

    // Names are unique across processes, whatever the case.
    const stranger = await b.connect();
    clients.push(stranger);
    const taken = await request(stranger, { type: 'join', code, name: 'ana' }, 'error');
    expect(taken.code).toBe('name-taken');

    // The host starts on A; people on B see the question too.
    const questions = people.map((p) => p.client.next('question'));
    hostA.send({ type: 'start' });
    for (const q of await Promise.all(questions)) expect(q.question.index).toBe(0);

    const results = people.map((p) => p.client.next('your-result'));
    const reveal = dee.client.next('reveal');
    for (const [person, choice] of [
      [ana, 'NodePort'],
      [ben, 'ClusterIP'],
      [cy, 'NodePort'],
    ] as const)
      expect(
        (await request(person.client, { type: 'answer', index: 0, choice }, 'ack')).choice,
      ).toBe(choice);
    // A second answer from B counts once: the first one's receipt comes back.
    const again = await request(
      cy.client,
      { type: 'answer', index: 0, choice: 'LoadBalancer' },
      'ack',
    );
    expect(again.choice).toBe('NodePort');
    await request(dee.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    expect((await reveal).reveal.distribution).toEqual({
      ClusterIP: 1,
      NodePort: 3,
      LoadBalancer: 0,
      ExternalName: 0,
    });
    expect((await Promise.all(results)).map((r) => r.result.points)).toEqual([1000, 0, 1000, 1000]);

    // The host moves to process B and keeps control.
    hostA.ws.close();
    const hostB = await host(b, code, hostToken);
    const next = people.map((p) => p.client.next('question', (m) => m.question.index === 1));
    hostB.send({ type: 'next' });
    await Promise.all(next);
    const finals = people.map((p) => p.client.next('your-final'));
    const revealed = hostB.next('host-view', (m) => m.view.state.phase === 'reveal');
    for (const [person, choice] of [
      [ana, 'ExternalName'],
      [ben, 'ExternalName'],
      [cy, 'ClusterIP'],
      [dee, 'ExternalName'],
    ] as const)
      await request(person.client, { type: 'answer', index: 1, choice }, 'ack');
    await revealed;
    const ended = hostB.next('host-view', (m) => m.view.state.phase === 'ended');
    hostB.send({ type: 'end' });
    expect((await Promise.all(finals)).map((f) => [f.result.points, f.result.rank])).toEqual([
      [2000, 1],
      [1000, 3],
      [1000, 3],
      [2000, 1],
    ]);
    const view = (await ended).view;
    expect(view.participants.map((p) => [p.name, p.points])).toEqual([
      ['Ana', 2000],
      ['Ben', 1000],
      ['Cy', 1000],
      ['Dee', 2000],
    ]);
    const rows = view.state.phase === 'ended' ? view.state.rows : [];
    expect(rows.filter((r) => r.answer !== null)).toHaveLength(8);
  });

  it('survives a Redis restart: /healthz says so, hosting and joining are refused clearly, and the session goes on', async () => {
    const { code, hostToken } = await createSession(a, sessionOf());
    const hostA = await host(a, code, hostToken);
    const ana = await join(a, code, 'Ana');
    const ben = await join(b, code, 'Ben');
    const cy = await join(b, code, 'Cy');
    const eve = await join(b, code, 'Eve');
    const opened = ben.client.next('question');
    hostA.send({ type: 'start' });
    await opened;
    await request(ben.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
    await request(eve.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');

    await redis.halt();
    for (const server of [a, b]) {
      const health = await waitFor(`${server.name} to report Redis down`, async () => {
        const h = await server.health();
        return h.status === 503 ? h : null;
      });
      expect(health.body).toMatchObject({ status: 'unavailable', store: 'redis' });
      expect(String(health.body.problem)).toContain('not reachable');
    }
    const refused = await fetch(`${b.http}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sessionOf()),
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({
      error: 'unavailable',
      message: expect.stringContaining('cannot reach its session store'),
    });
    // Joining: a clear refusal, and the connection closes so the client tries again later.
    const late = await b.connect();
    clients.push(late);
    const joinRefused = await request(late, { type: 'join', code, name: 'Dee' }, 'error');
    expect(joinRefused.code).toBe('unavailable');
    expect((await late.closed).code).toBe(CLOSE_CODES.tryAgain);
    // Answers now are not acknowledged: they could not be stored. Ana's is run by A, the
    // session's own process; Cy's would be forwarded from B.
    for (const person of [ana, cy]) {
      const notStored = await request(
        person.client,
        { type: 'answer', index: 0, choice: 'ClusterIP' },
        'error',
      );
      expect(notStored.code).toBe('unavailable');
      expect(person.client.count('ack')).toBe(0);
    }

    // Eve leaves while Redis is away: her close cannot be stored now.
    eve.client.ws.close();
    await eve.client.closed;

    await redis.start();
    for (const server of [a, b])
      await waitFor(
        `${server.name} to recover`,
        async () => (await server.health()).status === 200,
      );
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    // People still connected are told where the session stands, in case they missed something.
    // On a busy machine the outage can outlast a request's time limit, and the server closes the
    // connection with "try again" instead: the client then reconnects and rejoins, as the app
    // does. Either way Cy learns where the session stands; a close that means "do not come back"
    // (left, removed, expired) would fail here.
    let cyClient = cy.client;
    let view: Awaited<ReturnType<typeof rejoin>>['welcome'];
    try {
      view = await cy.client.next('welcome', (m) => m.participantId === cy.welcome.participantId);
    } catch {
      const { code: closedWith } = await cy.client.closed;
      expect([CLOSE_CODES.left, CLOSE_CODES.removed, CLOSE_CODES.expired]).not.toContain(
        closedWith,
      );
      const again = await rejoin(b, code, cy.welcome.token);
      cyClient = again.client;
      view = again.welcome;
    }
    expect(view.view.state).toMatchObject({ phase: 'question', yourAnswer: null });
    // Eve's close is recorded once Redis is back: the host sees her gone.
    await hostA.next('host-view', (m) =>
      m.view.participants.some((p) => p.name === 'Eve' && !p.connected),
    );

    const reveal = ben.client.next('reveal');
    await request(ana.client, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
    await request(cyClient, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
    // Ben's and Eve's answers, acknowledged before Redis went away, are still there.
    expect((await reveal).reveal.distribution).toMatchObject({ NodePort: 2, ClusterIP: 2 });
    expect((await ben.client.next('your-result')).result.totalPoints).toBe(1000);

    const dee = await join(b, code, 'Dee');
    expect(dee.welcome.view.state.phase).toBe('reveal');
  });

  it('survives SIGKILL of a process mid-question: its people go on from B, no acknowledged answer lost, the timer keeps its time', async () => {
    // A second session owned by A, whose only participant is on B and sends nothing: its timer
    // must go on in B without anyone asking.
    const quiet = await createSession(a, sessionOf({ secondsPerQuestion: 5 }));
    const quietHost = await host(a, quiet.code, quiet.hostToken);
    const zoe = await join(b, quiet.code, 'Zoe');
    const quietQuestion = zoe.client.next('question');
    quietHost.send({ type: 'start' });
    await quietQuestion;

    const { code, hostToken } = await createSession(a, sessionOf({ secondsPerQuestion: 30 }));
    const hostA = await host(a, code, hostToken);
    const ana = await join(a, code, 'Ana');
    const ben = await join(a, code, 'Ben');
    const gus = await join(a, code, 'Gus');
    const cy = await join(b, code, 'Cy');
    const opened = ana.client.next('question');
    hostA.send({ type: 'start' });
    const startedAt = Date.now();
    const { question } = await opened;
    const acked = [
      await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack'),
      await request(cy.client, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack'),
      await request(gus.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack'),
    ];
    expect(acked.map((m) => m.choice)).toEqual(['NodePort', 'ClusterIP', 'NodePort']);

    await a.kill('SIGKILL');

    // Ana comes back through B: the same person, her answer kept, the clock not reset.
    const anaB = await rejoin(b, code, ana.welcome.token);
    expect(anaB.welcome.participantId).toBe(ana.welcome.participantId);
    const state = anaB.welcome.view.state;
    expect(state).toMatchObject({ phase: 'question', yourAnswer: 'NodePort' });
    const remaining = state.phase === 'question' ? state.question.remainingMs! : 0;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(question.remainingMs! - (Date.now() - startedAt) + 1000);

    const benB = await rejoin(b, code, ben.welcome.token);
    const hostB = await host(b, code, hostToken);
    // Gus never comes back: the connection he had on A is dropped, so the room does not wait
    // for him. Everyone still connected has answered once Ben does: the reveal comes at once.
    await hostB.next('host-view', (m) =>
      m.view.participants.some((p) => p.name === 'Gus' && !p.connected),
    );
    const reveal = anaB.client.next('reveal');
    await request(benB.client, { type: 'answer', index: 0, choice: 'LoadBalancer' }, 'ack');
    expect((await reveal).reveal.distribution).toEqual({
      ClusterIP: 1,
      NodePort: 2,
      LoadBalancer: 1,
      ExternalName: 0,
    });

    // A comes back on the same address (a new process), and Gus reconnects to it.
    a = await spawnServer('A again', redis.url, {}, a.port);
    const gusA = await rejoin(a, code, gus.welcome.token);
    expect(gusA.welcome.view.state).toMatchObject({
      phase: 'reveal',
      result: { choice: 'NodePort', correct: true, totalPoints: 1000 },
    });

    const nextQuestion = cy.client.next('question', (m) => m.question.index === 1);
    hostB.send({ type: 'next' });
    await nextQuestion;
    const finals = [anaB, benB, gusA, cy].map((p) => p.client.next('your-final'));
    const revealed = hostB.next('host-view', (m) => m.view.state.phase === 'reveal');
    for (const [person, choice] of [
      [anaB, 'ExternalName'],
      [benB, 'ExternalName'],
      [gusA, 'ClusterIP'],
      [cy, 'NodePort'],
    ] as const)
      await request(person.client, { type: 'answer', index: 1, choice }, 'ack');
    await revealed;
    const ended = hostB.next('host-view', (m) => m.view.state.phase === 'ended');
    hostB.send({ type: 'end' });
    expect((await Promise.all(finals)).map((f) => f.result.points)).toEqual([2000, 1000, 1000, 0]);
    const view = (await ended).view;
    const rows = view.state.phase === 'ended' ? view.state.rows : [];
    // Every answer acknowledged before the crash is in the results.
    expect(rows.filter((r) => r.questionId === 'live-q0').map((r) => [r.name, r.answer])).toEqual([
      ['Ana', 'NodePort'],
      ['Ben', 'LoadBalancer'],
      ['Gus', 'NodePort'],
      ['Cy', 'ClusterIP'],
    ]);

    // The quiet session's timer went on in B: the question closed with nobody asking.
    const closed = await zoe.client.next('reveal');
    expect(closed.reveal.noAnswer).toBe(1);
  });
});
