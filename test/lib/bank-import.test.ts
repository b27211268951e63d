import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/domain/bank-loader';
import { BANK_LIMITS } from '../../src/domain/bank-schema';
import { runImport, type ImportInput, type ImportProgress } from '../../src/lib/bank-import';
import { createBankLibrary } from '../../src/lib/bank-library';

let n = 0;
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/banks/${name}`, import.meta.url), 'utf8');

function setup(fetch: (url: string) => Promise<Response> = () => Promise.reject(new TypeError())) {
  const library = createBankLibrary(`banks-test-${++n}`);
  const progress: ImportProgress[] = [];
  const run = (input: ImportInput, replace = false) =>
    runImport(
      {
        input,
        replace,
        builtinTitle: 'Kubernetes Services',
        baseUrl: 'https://app.test/banks',
        now: 1000,
      },
      { library, fetch, onProgress: (p) => progress.push(p) },
    );
  return { library, run, progress };
}

describe('importing a bank', () => {
  it('stores a clean bank with its counts, and lists it', async () => {
    const t = setup();
    const outcome = await t.run({ kind: 'text', text: fixture('good.json') });
    expect(outcome).toMatchObject({ status: 'saved', replaced: false });
    const { entries } = await t.library.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: JSON.parse(fixture('good.json')).title });
    expect(t.progress.map((p) => p.phase)).toEqual(['checking', 'saving']);
  });

  it('stores nothing while a bank has problems, and returns every one', async () => {
    const t = setup();
    const outcome = await t.run({
      kind: 'text',
      text: fixture('broken/missing-answer.json'),
    });
    expect(outcome.status).toBe('problems');
    if (outcome.status !== 'problems') return;
    expect(outcome.problems.map(formatProblem)).toEqual([
      'questions[1] (id "np-dev-laptop").answer: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got nothing (the field is missing)',
    ]);
    expect(await t.library.list()).toEqual({ entries: [], damaged: [] });
  });

  it('converts a CSV file and stores it in the JSON format', async () => {
    const t = setup();
    const file = new File([fixture('good.csv')], 'acme_drills.csv', { type: 'text/csv' });
    const outcome = await t.run({ kind: 'file', file });
    expect(outcome).toMatchObject({
      status: 'saved',
      entry: { title: 'acme drills', format: 'csv' },
    });
    if (outcome.status !== 'saved') return;
    const stored = await t.library.load(outcome.entry.id);
    expect(stored.ok && stored.bank.questions).toHaveLength(4);
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const t = setup();
    const file = new File([new Uint8Array(BANK_LIMITS.bytes + 1)], 'big.json');
    const outcome = await t.run({ kind: 'file', file });
    expect(outcome).toEqual({
      status: 'problems',
      problems: [{ where: '', message: 'the file is 5.0 MB; a bank can be at most 5 MB' }],
      format: null,
    });
    expect(t.progress).toEqual([]);
  });

  it('will not take the built-in bank’s title', async () => {
    const t = setup();
    const text = JSON.stringify({
      version: 1,
      title: 'kubernetes  services',
      questions: [{ id: 'a', prompt: 'P', answer: 'ClusterIP' }],
    });
    const outcome = await t.run({ kind: 'text', text });
    expect(outcome.status === 'problems' && outcome.problems.map(formatProblem)).toEqual([
      'title: “kubernetes  services” is the built-in bank’s title; give your bank a title of its own',
    ]);
  });

  it('asks before replacing a different bank of the same title, and keeps the old one until then', async () => {
    const t = setup();
    const bank = (prompt: string) =>
      JSON.stringify({
        version: 1,
        title: 'Acme',
        questions: [{ id: 'a', prompt, answer: 'ClusterIP' }],
      });
    await t.run({ kind: 'text', text: bank('First.') });
    expect(await t.run({ kind: 'text', text: bank('First.') })).toMatchObject({
      status: 'unchanged',
    });
    expect(await t.run({ kind: 'text', text: bank('Second.') })).toMatchObject({
      status: 'exists',
    });
    const [entry] = (await t.library.list()).entries;
    const before = await t.library.load(entry!.id);
    expect(before.ok && before.bank.questions[0]?.prompt).toBe('First.');
    expect(await t.run({ kind: 'text', text: bank('Second.') }, true)).toMatchObject({
      status: 'saved',
      replaced: true,
    });
    const after = await t.library.load(entry!.id);
    expect(after.ok && after.bank.questions[0]?.prompt).toBe('Second.');
  });

  it('downloads from a URL with progress, and says what failed when it cannot', async () => {
    const t = setup(async (url) => {
      if (url.endsWith('/missing.json'))
        return new Response('no', { status: 404, statusText: 'Not Found' });
      if (url.endsWith('/blob/main/bank.json'))
        return new Response('<!doctype html><title>bank.json</title>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        });
      return new Response(fixture('minimal.json'), {
        headers: { 'content-type': 'application/json', 'content-length': '500' },
      });
    });
    expect(await t.run({ kind: 'url', url: '/banks/minimal.json' })).toMatchObject({
      status: 'saved',
      entry: { title: 'Minimal drills', questions: 4 },
    });
    expect(t.progress[0]).toEqual({ phase: 'reading', loaded: 0, total: 500 });
    expect(await t.run({ kind: 'url', url: 'https://other.test/missing.json' })).toEqual({
      status: 'failed',
      message:
        'The bank could not be downloaded from https://other.test/missing.json: the server answered 404 Not Found. Check the address, or ask whoever shared it where the bank is now.',
    });
    // A link to a page showing the file, not to the file: say so, rather than list JSON errors.
    expect(await t.run({ kind: 'url', url: 'https://git.test/blob/main/bank.json' })).toEqual({
      status: 'failed',
      message:
        'https://git.test/blob/main/bank.json is a web page, not a bank file. Use the address of the JSON or CSV file itself (on GitHub, the “Raw” link).',
    });
    expect(await t.run({ kind: 'url', url: 'javascript:alert(1)' })).toEqual({
      status: 'failed',
      message: 'A bank can be loaded from an http or https address only.',
    });
  });
});

describe('checking a bank before adding it', () => {
  it('a check-only import stores nothing and returns what the learner would add', async () => {
    const t = setup();
    const outcome = await runImport(
      {
        input: { kind: 'text', text: fixture('minimal.json') },
        replace: false,
        checkOnly: true,
        builtinTitle: 'Kubernetes Services',
        baseUrl: 'https://app.test/banks',
        now: 1000,
      },
      { library: t.library, fetch: () => Promise.reject(new TypeError()), onProgress: () => {} },
    );
    expect(outcome).toMatchObject({
      status: 'checked',
      existing: null,
      incoming: { title: 'Minimal drills', questions: 4, origin: { kind: 'paste' } },
    });
    expect(await t.library.list()).toEqual({ entries: [], damaged: [] });
    if (outcome.status !== 'checked') return;
    // Adding it stores the very text that was checked, with its origin.
    expect(await t.run({ kind: 'read', source: outcome.source })).toMatchObject({
      status: 'saved',
      entry: { title: 'Minimal drills', origin: { kind: 'paste' } },
    });
    expect((await t.library.list()).entries).toHaveLength(1);
  });
});
