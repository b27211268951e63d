import { expect, test, type Page } from '@playwright/test';
import { offlineReady, serveBuild } from './build-server';
import { expectNoAxeViolationsInBothThemes, questionOnScreen } from './helpers';

const T0 = new Date(2025, 2, 3, 9, 0).getTime();

const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys())
        paths.push(new URL(request.url).pathname);
    return paths;
  });

async function takeQuiz(page: Page, n: number) {
  for (let k = 1; k <= n; k++) {
    const q = await questionOnScreen(page, k, n);
    await page.getByRole('button', { name: q.answer, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    await expect(page.getByText('Answer saved')).toBeVisible();
    await page.getByRole('button', { name: k === n ? 'See results' : 'Next question' }).click();
  }
  await expect(page.getByText(`You scored ${n} of ${n}`)).toBeVisible();
}

test('after one visit, quiz, flashcards, progress and banks work with the network off', async ({
  browser,
}) => {
  const server = await serveBuild();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.clock.setFixedTime(T0);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Kube Service Trainer' })).toBeVisible();
  await offlineReady(page);

  const cached = await cachedPaths(page);
  for (const path of ['/index.html', '/quiz.html', '/flashcards.html', '/shell.html'])
    expect(cached).toContain(path);
  expect(cached.some((p) => /^\/assets\/questions-.+\.json$/.test(p))).toBe(true);
  expect(cached.some((p) => /^\/assets\/quiz-.+\.js$/.test(p))).toBe(true);
  expect(cached.filter((p) => /^\/(api|live|healthz)/.test(p))).toEqual([]);

  // The network goes: the server is gone and the browser is offline.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Kube Service Trainer' })).toBeVisible();

  await page.goto('/quiz?count=3&seed=offline&start=1');
  // The worker answered with the quiz's own prerendered shell, its query notwithstanding.
  await expect(page.locator('#root')).toHaveAttribute('data-route', '/quiz');
  await takeQuiz(page, 3);

  await page.goto('/flashcards');
  await expect(page.locator('.due-number')).toHaveText('20 due');
  const card = await page.locator('[data-question-id]').getAttribute('data-question-id');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
  await expect(page.locator('[data-question-id]')).not.toHaveAttribute('data-question-id', card!);
  await expect(page.locator('.due-number')).toHaveText('19 due');

  await page.goto('/progress');
  const history = page.getByRole('table', { name: 'Quiz history, newest first' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('3 of 3');
  // Three quiz answers and one flashcard review: four cards in learning.
  await expect(page.getByText(/\b4 in learning\b/)).toBeVisible();

  await page.goto('/banks');
  await expect(page.getByRole('heading', { level: 1, name: 'Question banks' })).toBeVisible();

  // A page without a shell of its own gets the generic one, and the app renders it.
  await page.goto('/join/K8SABC');
  await expect(page.getByRole('heading', { level: 1, name: 'Join a session' })).toBeVisible();
  await expect(page.getByText(/You are offline\./)).toBeVisible();

  // Team sessions need the server, and say so.
  await page.goto('/team');
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toContainText(
    'Hosting or joining a live session needs a connection to the session server',
  );
  // The service worker answers nothing for the live server from its cache.
  expect(
    await page.evaluate(() =>
      fetch('/healthz').then(
        (r) => r.status,
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await context.setOffline(false);
  await expect(page.getByText(/You are offline\./)).toHaveCount(0);
  await context.close();
});

test('a new version shows "Update available" and waits for the learner to reload', async ({
  browser,
}) => {
  const server = await serveBuild();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/quiz?count=3&seed=update&start=1');
  const first = await questionOnScreen(page, 1, 3);
  await offlineReady(page);
  await page.getByRole('button', { name: first.answer, exact: true }).click();
  await expect(page.getByText('Answer saved')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // A new build is deployed; the browser's update check finds its service worker.
  server.nextWorker();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page, 'update prompt');

  // It waits: the old version stays in charge and the page has not reloaded under the learner.
  expect(
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return [registration?.waiting?.state, registration?.active?.state];
    }),
  ).toEqual(['installed', 'activated']);
  await page.getByRole('button', { name: 'Next question' }).click();
  const second = await questionOnScreen(page, 2, 3);
  await page.getByRole('button', { name: second.answer, exact: true }).click();
  await expect(page.getByText('Answer saved')).toBeVisible();
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(prompt).toBeVisible();

  // On the learner's word: the new version takes over and the page reloads into it.
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument ?? false))
    .toBe(false);
  expect(
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return [registration?.waiting ?? null, navigator.serviceWorker.controller?.state];
    }),
  ).toEqual([null, 'activated']);
  await expect(page.getByRole('alert').filter({ hasText: 'Update available' })).toHaveCount(0);
  // The quiz carries on where the learner was.
  await expect(page.getByText('Question 2 of 3', { exact: true })).toBeVisible();
  await context.close();
  await server.close();
});
