import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { damageFirstQuizResult, expectNoAxeViolations, questionOnScreen } from './helpers';

/**
 * Answers question `k` of `n` (right or wrong) once it is on screen, and waits until the answer
 * is committed. Returns the question's id.
 */
async function answer(page: Page, right: boolean, k: number, n: number) {
  const q = await questionOnScreen(page, k, n);
  await page.getByRole('button', { name: right ? q.answer : q.wrong, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(right ? /^Correct/ : /^Incorrect/);
  await expect(page.getByText('Answer saved')).toBeVisible();
  return q.id;
}

async function finishQuiz(page: Page, link: string, pattern: boolean[]) {
  await page.goto(link);
  for (let i = 0; i < pattern.length; i++) {
    await answer(page, pattern[i]!, i + 1, pattern.length);
    await page
      .getByRole('button', { name: i === pattern.length - 1 ? 'See results' : 'Next question' })
      .click();
  }
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
}

test('killing the browser mid-quiz loses no committed answer', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'kst-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium() ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL,
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/quiz?count=5&seed=kill-test&start=1');
    const given: string[] = [];
    for (let i = 0; i < 3; i++) {
      given.push(await answer(page, i !== 1, i + 1, 5));
      if (i < 2) await page.getByRole('button', { name: 'Next question' }).click();
    }
    // Kill every process of this browser profile, as a crash or a power cut would.
    execFileSync('pkill', ['-KILL', '-f', profile]);
    await context.close().catch(() => {});

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/quiz');
    expect((await questionOnScreen(page, 3, 5)).id).toBe(given[2]);
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    await page.getByRole('button', { name: 'Next question' }).click();
    for (let i = 3; i < 5; i++) {
      await answer(page, true, i + 1, 5);
      await page.getByRole('button', { name: i === 4 ? 'See results' : 'Next question' }).click();
    }
    await expect(page.getByText('You scored 4 of 5')).toBeVisible();
    const reviewed = await page
      .getByRole('list', { name: 'Reviewed questions' })
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.id.replace('review-', '')));
    expect(reviewed.slice(0, 3)).toEqual(given);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a corrupted stored record is set aside and reported; the rest still works', async ({
  page,
}) => {
  await finishQuiz(page, '/quiz?count=5&seed=corrupt-a&start=1', [true, true, false, true, true]);
  await finishQuiz(page, '/quiz?count=5&seed=corrupt-b&start=1', [false, false, true, true, true]);
  // Damage one stored quiz result by hand.
  await damageFirstQuizResult(page);

  // The checks run on the first page that uses saved progress (home does not).
  await page.goto('/flashcards');
  await expect(page.getByRole('alert')).toContainText(
    '1 saved record could not be read and was set aside',
  );
  await page.getByRole('link', { name: 'See Progress' }).click();
  await expect(page.getByRole('alert')).toContainText(
    '1 saved record could not be read and was set aside.',
  );
  await expect(
    page.getByRole('table', { name: 'Quiz history, newest first' }).getByRole('row'),
  ).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download set-aside records' }).click();
  expect((await download).suggestedFilename()).toBe('kube-service-trainer-set-aside-records.json');
  // Once discarded, no page keeps warning about them.
  await page.getByRole('button', { name: 'Discard them' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Quiz', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('export, then import into a fresh profile, gives the same progress page', async ({
  page,
  browser,
}) => {
  await finishQuiz(page, '/quiz?count=5&seed=export-a&start=1', [true, false, true, false, true]);
  await finishQuiz(page, '/quiz?count=5&seed=export-b&start=1', [true, true, true, false, true]);
  await page.goto('/progress');
  const sections = ['Mastery by type', 'Confusion matrix', 'Quiz history, newest first'];
  const read = (p: Page) =>
    Promise.all(sections.map((name) => p.getByRole('table', { name }).innerText()));
  await expect(page.getByText(/10 quiz answers in 2 quizzes/)).toBeVisible();
  const before = await read(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await downloading).path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/progress');
  await expect(other.getByText(/Nothing here yet/)).toBeVisible();
  await other.getByLabel('Import progress').setInputFiles(file);
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByText(/10 quiz answers in 2 quizzes/)).toBeVisible();
  expect(await read(other)).toEqual(before);
  await fresh.close();
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`the progress page has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/progress');
    await expect(page.getByText(/Nothing here yet/)).toBeVisible();
    await expectNoAxeViolations(page, 'empty progress');
    await finishQuiz(page, '/quiz?count=5&seed=axe-progress&start=1', [
      true,
      false,
      false,
      true,
      false,
    ]);
    await finishQuiz(page, '/quiz?count=5&seed=axe-progress-2&start=1', [
      true,
      true,
      false,
      true,
      true,
    ]);
    await page.goto('/progress');
    await expect(page.getByRole('link', { name: 'Practice my weak spots' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect(page.getByRole('button', { name: 'Yes, reset' })).toBeVisible();
    await expectNoAxeViolations(page, 'progress with data');
  });

test('Practice my weak spots starts a quiz from the progress page', async ({ page }) => {
  await finishQuiz(page, '/quiz?count=5&seed=weak&start=1', [false, false, false, true, true]);
  await page.goto('/progress');
  await page.getByRole('link', { name: 'Practice my weak spots' }).click();
  await expect(page.getByText('Question 1 of 10')).toBeVisible();
});
