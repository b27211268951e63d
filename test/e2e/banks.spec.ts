import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
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
