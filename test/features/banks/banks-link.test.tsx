// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/lib/bank-import';
import { bankNames, fixture, newLibrary, renderBanksPage } from './render-banks-page';

// A `/banks?url=…` link can come from anyone: the bank is checked and shown, and stored only when
// the learner adds it. The import runs for real (fake IndexedDB); only the network is a function.

const LINK = 'https://trainer.example/banks/minimal.json';

function renderPage(
  initialUrl: string | null,
  serve: () => string = () => fixture('minimal.json'),
  library = newLibrary(),
) {
  const fetched: string[] = [];
  const page = renderBanksPage({
    initialUrl,
    library,
    fetch: async (url) => {
      fetched.push(url);
      return new Response(serve(), { headers: { 'content-type': 'application/json' } });
    },
  });
  return { ...page, fetched };
}

const preview = () => screen.findByText(/^Add “Minimal drills” to your banks\?/);

describe('a /banks?url= link', () => {
  it('shows the checked bank, its counts and origin, and stores nothing until it is added', async () => {
    const { library, fetched, onUrlTaken, user } = renderPage(LINK);
    const question = (await preview()).closest('div')!;
    expect(onUrlTaken).toHaveBeenCalled();
    expect(fetched).toEqual([LINK]);
    expect(question).toHaveTextContent(
      '4 questions: 1 ClusterIP · 1 NodePort · 1 LoadBalancer · 1 ExternalName',
    );
    expect(question).toHaveTextContent(`From ${LINK}`);
    // The question is announced and has the focus: it is what the learner answers next.
    expect(screen.getAllByRole('status').some((s) => s.contains(question))).toBe(true);
    expect(question).toHaveFocus();
    expect((await library.list()).entries).toEqual([]);
    expect(bankNames()).toEqual(['Kubernetes Services']);

    await user.click(within(question).getByRole('button', { name: 'Add bank' }));
    expect(await screen.findByText(/^Added “Minimal drills”: 4 questions from/)).toBeVisible();
    expect(await screen.findByRole('radio', { name: 'Minimal drills' })).toBeInTheDocument();
    expect((await library.list()).entries).toMatchObject([
      { title: 'Minimal drills', origin: { kind: 'url', url: LINK } },
    ]);
    expect(screen.getByRole('heading', { name: 'Your banks' })).toHaveFocus();
    // The text the learner saw is what was stored: the link was not downloaded a second time.
    expect(fetched).toEqual([LINK]);
  });

  it('stores the bank that was shown, even if the site serves another one by then', async () => {
    let text = fixture('minimal.json');
    const { library, user } = renderPage(LINK, () => text);
    await preview();
    text = fixture('good.json');
    await user.click(screen.getByRole('button', { name: 'Add bank' }));
    await screen.findByRole('radio', { name: 'Minimal drills' });
    const [entry] = (await library.list()).entries;
    const stored = await library.load(entry!.id);
    expect(stored.ok && stored.bank.questions.map((q) => q.id)).toEqual([
      'min-internal',
      'min-node',
      'min-cloud',
      'min-dns',
    ]);
  });

  it('Cancel leaves the library as it was, says so, and puts focus back on the list', async () => {
    const { library, user } = renderPage(LINK);
    await preview();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Add bank' })).toBeNull();
    expect(screen.getByText('Nothing was added: “Minimal drills” was left out.')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Your banks' })).toHaveFocus();
    expect((await library.list()).entries).toEqual([]);
    expect(bankNames()).toEqual(['Kubernetes Services']);
  });

  it('a broken bank behind a link lists its problems and offers nothing to add', async () => {
    const { library } = renderPage(LINK, () => fixture('broken/duplicate-ids.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${LINK} cannot be used: 1 problem.`);
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'questions[2] (id "same").id: duplicate id; questions[0] already uses "same"',
    );
    expect(screen.queryByRole('button', { name: 'Add bank' })).toBeNull();
    expect((await library.list()).entries).toEqual([]);
  });

  it('a bank of a title already stored says adding replaces it, and then does', async () => {
    // An older edition of the same bank, one question fewer, is in the library already.
    const bank = JSON.parse(fixture('minimal.json')) as { questions: unknown[] };
    const older = JSON.stringify({ ...bank, questions: bank.questions.slice(0, 3) });
    const library = newLibrary();
    const first = await runImport(
      {
        input: { kind: 'text', text: older },
        replace: false,
        builtinTitle: 'Kubernetes Services',
        baseUrl: 'https://app.test/',
        now: 1,
      },
      { library, fetch: () => Promise.reject(new TypeError()), onProgress: () => {} },
    );
    expect(first.status).toBe('saved');

    const { user } = renderPage(LINK, undefined, library);
    const question = (await preview()).closest('div')!;
    expect(question).toHaveTextContent(
      'You already have a bank titled “Minimal drills” (3 questions): adding this one replaces it.',
    );
    expect((await library.list()).entries).toMatchObject([{ questions: 3 }]);
    await user.click(within(question).getByRole('button', { name: 'Add bank' }));
    expect(await screen.findByText(/^Replaced “Minimal drills”: 4 questions/)).toBeVisible();
    expect((await library.list()).entries).toMatchObject([{ questions: 4 }]);
  });
});

describe('the Bank address (URL) field', () => {
  it('adds the bank at once: the learner typed the address, so that is their say', async () => {
    const { library, fetched, user } = renderPage(null);
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    await user.type(screen.getByRole('textbox', { name: 'Bank address (URL)' }), LINK);
    await user.click(screen.getByRole('button', { name: 'Load from address' }));
    expect(await screen.findByText(/^Added “Minimal drills”: 4 questions/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add bank' })).toBeNull();
    expect(fetched).toEqual([LINK]);
    await waitFor(async () => expect((await library.list()).entries).toHaveLength(1));
  });
});
