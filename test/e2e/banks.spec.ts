import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startBankServer, type BankServer } from './bank-server';
import { expectNoAxeViolations, TYPES, watchErrors } from './helpers';

const FIXTURES = 'test/fixtures/banks';
const good = JSON.parse(readFileSync(`${FIXTURES}/good.json`, 'utf8')) as {
  title: string;
  questions: { id: string; prompt: string; answer: string }[];
};
const answerOf = new Map(good.questions.map((q) => [q.id, q.answer]));

const bankFile = (page: Page) => page.getByLabel('Bank file (JSON or CSV)');
const bankList = (page: Page) => page.getByRole('group', { name: 'Bank for Quiz and Flashcards' });

async function openBanks(page: Page) {
  await page.goto('/banks');
  await expect(bankList(page).getByRole('radio')).toHaveCount(1);
}

async function addFile(page: Page, name: string, title: string) {
  await bankFile(page).setInputFiles(`${FIXTURES}/${name}`);
  await expect(page.getByText(new RegExp(`^Added “${escape(title)}”`))).toBeVisible();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a good bank file is added, made active, and a quiz runs from it', async ({ page }) => {
  const errors = watchErrors(page);
  await openBanks(page);
  await addFile(page, 'good.json', good.title);
  await page.getByRole('button', { name: 'Use it for Quiz and Flashcards' }).click();
  await expect(bankList(page).getByRole('radio', { name: good.title })).toBeChecked();

  await page.goto('/quiz?count=2&seed=banks-e2e&start=1');
  for (let k = 1; k <= 2; k++) {
    await expect(page.getByText(`Question ${k} of 2`, { exact: true })).toBeVisible();
    const id = (await page.locator('[data-question-id]').getAttribute('data-question-id')) ?? '';
    const answer = answerOf.get(id);
    expect(answer, `question ${id} comes from the imported bank`).toBeDefined();
    await page.getByRole('button', { name: answer!, exact: true }).click();
    await expect(page.getByRole('status')).toContainText(/^Correct/);
    await page.getByRole('button', { name: k === 2 ? 'See results' : 'Next question' }).click();
  }
  await expect(page.getByText('You scored 2 of 2')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a broken bank shows every problem, and the bank list does not change', async ({ page }) => {
  await openBanks(page);
  await bankFile(page).setInputFiles(`${FIXTURES}/broken/wrong-answer-case.json`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be used: 1 problem');
  await expect(alert.getByRole('listitem')).toHaveText([
    'questions[1] (id "np-dev-laptop").answer: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
  ]);
  await expect(bankList(page).getByRole('radio')).toHaveCount(1);
  await page.reload();
  await expect(bankList(page).getByRole('radio')).toHaveCount(1);
});

test('a hostile bank runs no script and does not break the layout', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openBanks(page);
  await bankFile(page).setInputFiles(`${FIXTURES}/hostile.json`);
  await expect(page.getByText(/^Added “Hostile <img/)).toBeVisible();
  await page.getByRole('button', { name: 'Use it for Quiz and Flashcards' }).click();
  await page.goto('/quiz?count=4&seed=hostile&start=1');
  for (let k = 1; k <= 4; k++) {
    await expect(page.getByText(`Question ${k} of 4`, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'NodePort', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(/^(Correct|Incorrect)/);
    // Open every folded why-not, so its text is rendered too, then hover and click around it.
    for (const summary of await page.locator('summary').all()) await summary.click();
    await page.locator('.rich-text').first().hover();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no horizontal scroll on question ' + k).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: k === 4 ? 'See results' : 'Next question' }).click();
  }
  await expect(page.getByText(/You scored \d of 4/)).toBeVisible();
  await page.goto('/banks');
  await expect(bankList(page).getByRole('radio')).toHaveCount(2);
  for (const link of await page.locator('a[href^="javascript:"], a[href^="data:"]').all())
    throw new Error(`unsafe link: ${await link.getAttribute('href')}`);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the Anki export has the header lines and one row per question', async ({ page }) => {
  await openBanks(page);
  await addFile(page, 'good.json', good.title);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: new RegExp(`Anki.*${escape(good.title)}`) }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('acme-platform-drills-anki.txt');
  const lines = readFileSync((await file.path())!, 'utf8').split('\n');
  expect(lines.slice(0, 4)).toEqual([
    '#separator:tab',
    '#html:true',
    '#tags column:3',
    '#columns:Front\tBack\tTags',
  ]);
  const rows = lines.filter((line) => line && !line.startsWith('#'));
  expect(rows).toHaveLength(good.questions.length);
  const [front, back, tags] = rows[0]!.split('\t');
  expect(front).not.toContain('\n');
  expect(back).toMatch(new RegExp(`^<b>${good.questions[0]!.answer}</b>`));
  expect(tags?.split(' ').length).toBeGreaterThan(0);

  // The schema a bank's $schema points at is served by the app.
  const schema = await page.request.get('/questions.schema.json');
  expect(schema.ok()).toBe(true);
  expect((await schema.json()).properties.questions.maxItems).toBe(5000);
});

test('a 5,000-question bank loads with no long task over 200 ms on the page', async ({
  page,
}, testInfo) => {
  // Long tasks are recorded from the first script on: the check is about blocking, not time.
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await openBanks(page);
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes)).toContain('longtask');
  // As on a low-end laptop: a quarter of this machine's speed. On the page's thread, checking
  // 5,000 questions then takes far over 200 ms; in the worker it does not block the page at all.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Close to both limits (5,000 questions, 5 MB), with every field the loader checks.
  const questions = Array.from({ length: 5000 }, (_, i) => {
    const answer = TYPES[i % 4]!;
    return {
      id: `big-${i}`,
      prompt: `Scenario ${i}: only Pods in the cluster call the \`orders-${i}\` API. ${'Context. '.repeat(45)}`,
      answer,
      explanation: `Explanation ${i}. ${'Because. '.repeat(12)}`,
      whyNot: Object.fromEntries(
        TYPES.filter((t) => t !== answer).map((t) => [t, `${t} does not fit scenario ${i}.`]),
      ),
      difficulty: (i % 3) + 1,
      tags: ['load-test', `group-${i % 50}`],
      references: [
        {
          title: 'Service',
          url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
        },
      ],
    };
  });
  const text = JSON.stringify({ version: 1, title: 'Five thousand', questions });
  expect(text.length).toBeGreaterThan(4_500_000);
  expect(text.length).toBeLessThan(5 * 1024 * 1024);
  // Start counting after the page has settled from its own load.
  await page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks = [];
  });
  // From a file on disk, as a learner picks one: the browser reads it, not a test script.
  const path = testInfo.outputPath('five-thousand.json');
  writeFileSync(path, text);
  await bankFile(page).setInputFiles(path);
  await expect(page.getByText(/^Added “Five thousand”: 5,000 questions/)).toBeVisible({
    timeout: 45_000,
  });
  await expect(bankList(page).getByRole('radio', { name: 'Five thousand' })).toBeVisible();
  const longest = await page.evaluate(() =>
    Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
  );
  console.log(`longest main-thread task during the 5,000-question import: ${longest} ms`);
  expect(longest).toBeLessThanOrEqual(200);
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`the banks page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openBanks(page);
    await expectNoAxeViolations(page, 'empty');
    await bankFile(page).setInputFiles(`${FIXTURES}/broken/duplicate-ids.json`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations(page, 'problems');
    await addFile(page, 'good.csv', 'good');
    await expectNoAxeViolations(page, 'added');
    await page.getByRole('button', { name: /^Remove…/ }).click();
    await expect(page.getByRole('button', { name: 'Remove bank' })).toBeVisible();
    await expectNoAxeViolations(page, 'remove question');
  });

// Banks from a web address, served by a real HTTP server on another origin (127.0.0.1, a free
// port), so the browser's own fetch, CORS and streaming are what is tested.
test.describe('banks from a web address', () => {
  const minimal = readFileSync(`${FIXTURES}/minimal.json`, 'utf8');
  let site: BankServer | null = null;
  test.afterEach(async () => {
    await site?.close();
    site = null;
  });

  const urlField = (page: Page) => page.getByRole('textbox', { name: 'Bank address (URL)' });
  async function loadFromField(page: Page, url: string) {
    await urlField(page).fill(url);
    await page.getByRole('button', { name: 'Load from address' }).click();
  }
  /** Nothing was stored: the list, read again from storage after a reload, has the built-in bank only. */
  async function expectNothingSaved(page: Page) {
    await expect(bankList(page).getByRole('radio')).toHaveCount(1);
    await page.goto('/banks');
    await expect(bankList(page).getByRole('radio')).toHaveCount(1);
  }

  test('an address typed into the field is loaded, checked and added', async ({ page }) => {
    site = await startBankServer({ '/minimal.json': { body: minimal } });
    const errors = watchErrors(page);
    await openBanks(page);
    await loadFromField(page, site.url('/minimal.json'));
    await expect(
      page.getByText(`Added “Minimal drills”: 4 questions from ${site.url('/minimal.json')}.`),
    ).toBeVisible();
    // The learner typed the address: that is their say, so nothing more is asked.
    await expect(page.getByRole('button', { name: 'Add bank' })).toHaveCount(0);
    await expect(bankList(page).getByRole('radio', { name: 'Minimal drills' })).toBeVisible();
    await page.reload();
    await expect(bankList(page).getByRole('radio', { name: 'Minimal drills' })).toBeVisible();
    expect(site.requests).toEqual(['/minimal.json']);
    expect(errors).toEqual([]);
  });

  test('a /banks?url= link shows the bank and adds it only when the learner says so', async ({
    page,
  }) => {
    site = await startBankServer({ '/minimal.json': { body: minimal } });
    const link = `/banks?url=${encodeURIComponent(site.url('/minimal.json'))}`;
    await page.goto(link);
    const preview = page.locator('.bank-preview');
    await expect(preview).toContainText('Add “Minimal drills” to your banks?');
    await expect(preview).toContainText(
      '4 questions: 1 ClusterIP · 1 NodePort · 1 LoadBalancer · 1 ExternalName',
    );
    await expect(preview).toContainText(`From ${site.url('/minimal.json')}`);
    await expect(preview).toBeFocused();
    // The link is taken off the address, so a reload does not load it again.
    await expect(page).toHaveURL(/\/banks$/);
    await expect(bankList(page).getByRole('radio')).toHaveCount(1);
    await expectNoAxeViolations(page, 'link preview');

    // Cancel: nothing is stored, and the page says so.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Nothing was added: “Minimal drills” was left out.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your banks' })).toBeFocused();
    await expectNothingSaved(page);

    // Add bank: stored, listed, and still there after a reload.
    await page.goto(link);
    await page.getByRole('button', { name: 'Add bank' }).click();
    await expect(page.getByText(/^Added “Minimal drills”: 4 questions from/)).toBeVisible();
    await expect(bankList(page).getByRole('radio', { name: 'Minimal drills' })).toBeVisible();
    await page.reload();
    await expect(bankList(page).getByRole('radio', { name: 'Minimal drills' })).toBeVisible();
    // The bank shown was the bank stored: one download per visit, none more on "Add bank".
    expect(site.requests).toEqual(['/minimal.json', '/minimal.json']);
  });

  test('an address that cannot be used says what is wrong and what to do, and saves nothing', async ({
    page,
  }) => {
    site = await startBankServer({
      '/not-json.json': { body: 'questions: ClusterIP, NodePort', type: 'application/json' },
      '/page.json': { body: '<!doctype html><title>bank.json</title>', type: 'text/html' },
      '/no-cors.json': { body: minimal, cors: false },
    });
    const cases: [string, RegExp][] = [
      [
        '/gone.json',
        /The bank could not be downloaded from \S+\/gone\.json: the server answered 404 Not Found\. Check the address.* Nothing was saved\./,
      ],
      [
        '/not-json.json',
        /\/not-json\.json cannot be used: 1 problem\. Nothing was saved\. Fix it and load the bank again\.line 1, column 1: JSON syntax error/,
      ],
      [
        '/page.json',
        /\/page\.json is a web page, not a bank file\. Use the address of the JSON or CSV file itself .* Nothing was saved\./,
      ],
      [
        '/no-cors.json',
        /does not let other sites download it \(CORS\)\. Download the file and load it from your computer instead\. Nothing was saved\./,
      ],
    ];
    await openBanks(page);
    for (const [path, message] of cases) {
      await loadFromField(page, site.url(path));
      await expect(page.getByRole('alert')).toHaveText(message);
      await expect(page.getByRole('button', { name: 'Add bank' })).toHaveCount(0);
    }
    // A link to a broken address shows the same alert, and offers nothing to add.
    await page.goto(`/banks?url=${encodeURIComponent(site.url('/gone.json'))}`);
    await expect(page.getByRole('alert')).toHaveText(cases[0]![1]);
    await expect(page.getByRole('button', { name: 'Add bank' })).toHaveCount(0);
    await expectNothingSaved(page);
    // The browser did ask the site without CORS: it was the browser that refused to read it.
    expect(site.requests).toContain('/no-cors.json');
  });

  /** A bank of about 2 MB, so a slow load is a real stream of many chunks. */
  function largeBank() {
    const questions = Array.from({ length: 2000 }, (_, i) => ({
      id: `slow-${i}`,
      prompt: `Scenario ${i}: ${'a Service for Pods in the cluster. '.repeat(25)}`,
      answer: TYPES[i % 4]!,
    }));
    return JSON.stringify({ version: 1, title: 'Slow bank', questions });
  }

  test('a slow load shows its progress, and "Stop loading" stops it with nothing saved', async ({
    page,
  }) => {
    const body = largeBank();
    const total = Buffer.byteLength(body);
    const held = 512 * 1024;
    let release = () => {};
    site = await startBankServer({
      '/slow.json': {
        body,
        hold: { bytes: held, release: new Promise<void>((r) => (release = r)) },
      },
    });
    await openBanks(page);
    await loadFromField(page, site.url('/slow.json'));
    // What the learner sees while the rest is held back: the bar, how much has arrived, a way out.
    const bar = page.getByRole('progressbar', { name: 'Loading the bank' });
    await expect(bar).toHaveAttribute('value', String(held));
    await expect(bar).toHaveAttribute('max', String(total));
    await expect(
      page.getByText(`0.5 of ${(total / 1024 / 1024).toFixed(1)} MB`, { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Reading' })).toHaveText(
      `Reading ${site.url('/slow.json')}…`,
    );
    await page.getByRole('button', { name: 'Stop loading' }).click();
    await expect(
      page.getByText(`Loading ${site.url('/slow.json')} stopped. Nothing was saved.`),
    ).toBeVisible();
    await expect(bar).toHaveCount(0);
    // The browser hung up on the site: the download really stopped.
    await expect
      .poll(() => site!.isClosed('/slow.json'), { message: 'the download was not stopped' })
      .toBe(true);
    release();
    await expectNothingSaved(page);
  });

  test('a slow load that is let through ends with the bank added', async ({ page }) => {
    const body = largeBank();
    let release = () => {};
    site = await startBankServer({
      '/slow.json': {
        body,
        hold: { bytes: 256 * 1024, release: new Promise<void>((r) => (release = r)) },
      },
    });
    await openBanks(page);
    await loadFromField(page, site.url('/slow.json'));
    await expect(page.getByRole('progressbar', { name: 'Loading the bank' })).toHaveAttribute(
      'value',
      String(256 * 1024),
    );
    release();
    await expect(page.getByText(/^Added “Slow bank”: 2,000 questions/)).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(bankList(page).getByRole('radio', { name: 'Slow bank' })).toBeVisible();
  });
});
