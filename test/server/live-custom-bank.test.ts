import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, type BankProblem } from '../../src/domain/bank-loader';
import { BANK_LIMITS } from '../../src/domain/bank-schema';
import { hostOf, joinAs, request, startServer, type Harness } from './live-harness';

// A host's custom bank travels whole in POST /api/sessions and is checked again on the server with
// the app's own loader: the server never trusts the browser's check.

const BROKEN = 'test/fixtures/banks/broken';
const expected = JSON.parse(readFileSync(`${BROKEN}/expected.json`, 'utf8')) as Record<
  string,
  string[]
>;
const settings = { secondsPerQuestion: null, scoring: 'accuracy', lateJoin: true };

let h: Harness;
afterEach(() => h?.close());

const createWith = (data: unknown, selection: unknown = { kind: 'seed', count: 2, seed: 's' }) =>
  h.post({ bank: { kind: 'custom', data }, selection, settings });

/** The broken JSON fixtures that are JSON at all (a syntax error cannot travel as a value). */
const brokenValues = readdirSync(BROKEN)
  .filter((name) => name.endsWith('.json') && name !== 'expected.json')
  .flatMap((name) => {
    try {
      return [[name, JSON.parse(readFileSync(`${BROKEN}/${name}`, 'utf8'))] as const];
    } catch {
      return [];
    }
  });

describe('a custom bank sent by a host', () => {
  it('is refused with the same problems the app lists, naming question and field', async () => {
    // Every refused request counts against the creation limit: room for all the fixtures.
    h = await startServer({ sessionsPerMinute: 1000 });
    expect(brokenValues.length).toBeGreaterThanOrEqual(15);
    for (const [name, data] of brokenValues) {
      const res = await createWith(data);
      expect(res.status, name).toBe(400);
      const body = (await res.json()) as {
        error: string;
        message: string;
        problems: BankProblem[];
      };
      expect(body.error, name).toBe('invalid-bank');
      expect(body.problems.map(formatProblem), name).toEqual(expected[name]);
    }
    expect(await h.app.store.count()).toBe(0);
  });

  it('names the question by id and position, and the field, for a mistake deep inside', async () => {
    h = await startServer();
    const res = await createWith({
      version: 1,
      title: 'Ingress drills',
      questions: [
        { id: 'fine', prompt: 'Fine.', answer: 'ClusterIP' },
        {
          id: 'ext-db',
          prompt: 'Alias a database host.',
          answer: 'ExternalName',
          references: [{ title: 'Service', url: 'javascript:alert(1)' }],
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid-bank',
      message: 'The question bank has 1 problem.',
      problems: [
        {
          where: 'questions[1] (id "ext-db").references[0].url',
          message: 'expected an http or https URL, got "javascript:alert(1)"',
        },
      ],
    });
  });

  it('is refused when it is over the size limit, before it is parsed', async () => {
    h = await startServer();
    // Within the question and prompt limits, over 5 MB: only the size is wrong.
    const questions = Array.from({ length: 5000 }, (_, i) => ({
      id: `q-${i}`,
      prompt: `Scenario ${i}. ${'x'.repeat(1100)}`,
      answer: 'ClusterIP',
    }));
    const text = JSON.stringify({
      bank: { kind: 'custom', data: { version: 1, title: 'Huge', questions } },
      selection: { kind: 'seed', count: 2, seed: 's' },
      settings,
    });
    expect(Buffer.byteLength(text)).toBeGreaterThan(BANK_LIMITS.bytes);
    const res = await h.post(text);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: 'too-large',
      message: 'The request is over 5 MB. Use a smaller bank.',
    });
    expect(await h.app.store.count()).toBe(0);
  });

  it('is refused when it has more questions than a bank may, with the count', async () => {
    h = await startServer();
    const questions = Array.from({ length: BANK_LIMITS.questions + 1 }, (_, i) => ({
      id: `q-${i}`,
      prompt: 'Short.',
      answer: 'NodePort',
    }));
    const res = await createWith({ version: 1, title: 'Many', questions });
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual([
      { where: 'questions', message: 'a bank can have at most 5,000 questions; it has 5,001' },
    ]);
    expect(await h.app.store.count()).toBe(0);
  });

  it('a minimal bank (id, prompt, answer) makes a session whose questions all come from it', async () => {
    h = await startServer();
    const bank = {
      version: 1,
      title: 'Minimal drills',
      questions: [
        { id: 'min-internal', prompt: 'Only Pods call the API.', answer: 'ClusterIP' },
        { id: 'min-node', prompt: 'Testers reach a port on any node.', answer: 'NodePort' },
        { id: 'min-cloud', prompt: 'Internet clients need one address.', answer: 'LoadBalancer' },
        { id: 'min-dns', prompt: 'Alias an outside database host.', answer: 'ExternalName' },
      ],
    };
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    const res = await createWith(bank, { kind: 'seed', count: 3, seed: 'minimal' });
    expect(res.status).toBe(201);
    const { code, hostToken } = await res.json();
    const host = await hostOf(h, code, hostToken);
    const ana = await joinAs(h, code, 'Ana');
    expect(ana.welcome.view).toMatchObject({ title: 'Minimal drills', total: 3 });

    const asked: string[] = [];
    for (let index = 0; index < 3; index++) {
      const next = ana.client.next('question', (m) => m.question.index === index);
      host.send({ type: index === 0 ? 'start' : 'next' });
      const { question } = await next;
      const source = byId.get(question.questionId);
      expect(source, question.questionId).toBeDefined();
      expect(question.prompt).toBe(source!.prompt);
      asked.push(question.questionId);
      // The only participant answers, so the question closes; the reveal carries the bank's answer.
      const reveal = ana.client.next('reveal', (m) => m.reveal.index === index);
      await request(ana.client, { type: 'answer', index, choice: source!.answer }, 'ack');
      expect((await reveal).reveal).toMatchObject({
        answer: source!.answer,
        explanation: null,
        whyNot: {},
        references: [],
      });
    }
    expect(new Set(asked).size).toBe(3);
  });
});
