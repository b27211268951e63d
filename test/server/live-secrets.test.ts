import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  hostOf,
  joinAs,
  request,
  secretQuestions,
  startServer,
  type Client,
  type Harness,
} from './live-harness';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(() => h.close());

const questions = secretQuestions().slice(0, 3);

/** Every secret of a question: its answer as a field, its explanation, each why-not. */
function secretsOf(index: number): { label: string; pattern: RegExp }[] {
  const q = questions[index]!;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    {
      label: `answer field of question ${index}`,
      pattern: new RegExp(`"answer"\\s*:\\s*"${q.answer}"`),
    },
    { label: `explanation of question ${index}`, pattern: new RegExp(escape(q.explanation!)) },
    ...Object.values(q.whyNot ?? {}).map((text) => ({
      label: `why-not of question ${index}`,
      pattern: new RegExp(escape(text)),
    })),
  ];
}

/**
 * Where each client's stream stood when the test made question `index` close (the last answer,
 * the host's reveal, the timer). Everything before that point is checked for the question's
 * secrets. The point is taken by the test, not from what the server says, so a reveal sent early
 * is caught too.
 */
class Recorder {
  readonly clients: [string, Client][] = [];
  private cutoffs = new Map<Client, number[]>();
  private closed = 0;
  /** A client that connects later has nothing to check for questions closed before it came. */
  add(who: string, client: Client) {
    this.clients.push([who, client]);
    this.cutoffs.set(
      client,
      Array.from({ length: this.closed }, () => 0),
    );
  }
  closing(index: number) {
    for (const [, client] of this.clients) this.cutoffs.get(client)![index] = client.raw.length;
    this.closed = index + 1;
  }
  expectNoLeaks() {
    for (const [who, client] of this.clients) {
      const cut = this.cutoffs.get(client) ?? [];
      for (let index = 0; index < questions.length; index++) {
        // Questions that had not closed yet when the client left are checked up to its last message.
        const until = cut[index] ?? client.raw.length;
        client.raw.slice(0, until).forEach((raw, i) => {
          const message = client.messages[i]!;
          const early =
            (message.type === 'reveal' && message.reveal.index === index) ||
            (message.type === 'your-result' && message.result.index === index);
          expect(
            early,
            `${who}, message ${i}: a ${message.type} for question ${index} before it closed`,
          ).toBe(false);
          for (const secret of secretsOf(index))
            expect(
              raw,
              `${who}, message ${i} (${client.messages[i]!.type}) leaks the ${secret.label}`,
            ).not.toMatch(secret.pattern);
        });
      }
    }
  }
}

it('sends no one a right answer, explanation or why-not before its reveal: every byte checked', async () => {
  const { code, hostToken } = await h.create({
    selection: { kind: 'ids', ids: questions.map((q) => q.id) },
    settings: { secondsPerQuestion: 30, scoring: 'speed', lateJoin: true },
  });
  const host = await hostOf(h, code, hostToken);
  const ana = await joinAs(h, code, 'Ana');
  const ben = await joinAs(h, code, 'Ben');
  const cy = await joinAs(h, code, 'Cy');
  const recorder = new Recorder();
  recorder.add('host', host);
  recorder.add('Ana', ana.client);
  recorder.add('Ben', ben.client);
  recorder.add('Cy', cy.client);

  // Question 0: some right, some wrong, revealed when all have answered.
  host.send({ type: 'start' });
  await ana.client.next('question');
  await request(ana.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
  await request(ben.client, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
  await h.flush(host.next('progress', (m) => m.answered === 2));
  recorder.closing(0);
  await request(cy.client, { type: 'answer', index: 0, choice: 'ExternalName' }, 'ack');
  await host.next('host-view', (m) => m.view.state.phase === 'reveal');

  // Question 1: Ben reconnects mid-question after answering; the host reveals early.
  host.send({ type: 'next' });
  await ben.client.next('question', (m) => m.question.index === 1);
  await request(ben.client, { type: 'answer', index: 1, choice: 'ExternalName' }, 'ack');
  ben.client.ws.close();
  await ben.client.closed;
  const benAgain = await h.connect();
  recorder.add('Ben again', benAgain);
  await request(benAgain, { type: 'rejoin', code, token: ben.welcome.token }, 'welcome');
  await h.flush(host.next('progress', (m) => m.index === 1 && m.answered === 1));
  recorder.closing(1);
  host.send({ type: 'reveal' });
  await benAgain.next('reveal');

  // Question 2: a late joiner arrives mid-question; the timer closes it.
  host.send({ type: 'next' });
  await ana.client.next('question', (m) => m.question.index === 2);
  const dee = await joinAs(h, code, 'Dee');
  recorder.add('Dee', dee.client);
  await request(dee.client, { type: 'answer', index: 2, choice: 'LoadBalancer' }, 'ack');
  await request(ana.client, { type: 'answer', index: 2, choice: 'ClusterIP' }, 'ack');
  const closed = ana.client.next('reveal', (m) => m.reveal.index === 2);
  await h.flush(host.next('progress', (m) => m.index === 2 && m.answered === 2));
  recorder.closing(2);
  h.clock.advance(30_000);
  await closed;
  host.send({ type: 'end' });
  await dee.client.next('ended');
  await host.next('host-view', (m) => m.view.state.phase === 'ended');

  for (const [who, client] of recorder.clients) expect(client.raw.length, who).toBeGreaterThan(0);
  recorder.expectNoLeaks();
  // The check bites: every secret did reach people, after its reveal.
  const everything = ana.client.raw.join('\n');
  for (let index = 0; index < questions.length; index++)
    for (const secret of secretsOf(index)) expect(everything).toMatch(secret.pattern);
});
