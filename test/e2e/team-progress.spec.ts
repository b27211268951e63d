import { expect, test, type Page } from '@playwright/test';
import { hostSession, joinAs, questionOn } from './team-helpers';

// A participant's answers in a live session go into their own progress, as one "Team session"
// record, each answer once: a reconnect that brings the results back adds nothing.

/** The history rows on /progress as cell texts; the page updates itself when progress changes. */
const historyRows = (page: Page) =>
  page.getByRole('table', { name: 'Quiz history, newest first' }).locator('tbody tr');

test('a participant’s revealed answers land once in their own progress, marked as team', async ({
  page: host,
  browser,
}) => {
  const code = await hostSession(host, { count: 2, seed: 'e2e-team-progress' });
  const ana = await joinAs(browser, code, 'Ana');
  // Ana's progress, open in another tab of her browser while she plays.
  const progress = await ana.context().newPage();
  await progress.goto('/progress');
  await expect(progress.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  await expect(historyRows(progress)).toHaveCount(0);

  await host.getByRole('button', { name: 'Start' }).click();
  const q1 = await questionOn(ana);
  // The only participant answers: the question closes and the answer is revealed.
  await ana.getByRole('button', { name: q1.answer, exact: true }).click();
  await expect(ana.getByRole('status').filter({ hasText: /^Correct/ })).toBeVisible();

  const row = historyRows(progress);
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(1)).toHaveText('1 of 1 (100%)');
  await expect(row.locator('td').nth(2)).toHaveText(`Team session ${code}`);
  await expect(row.locator('td').nth(3)).toHaveText('Kubernetes Service types');

  // Ana reconnects during the reveal: the server sends her results again.
  await ana.reload();
  await expect(ana.getByText(/^Correct/)).toBeVisible();

  // The next reveal is written after the reconnect's: once it shows, a double count would too.
  await host.getByRole('button', { name: 'Next question' }).click();
  const q2 = await questionOn(ana);
  expect(q2.id).not.toBe(q1.id);
  await ana.getByRole('button', { name: q2.wrong, exact: true }).click();
  await expect(ana.getByText(`Incorrect — the answer is ${q2.answer}`)).toBeVisible();
  await expect(row.locator('td').nth(1)).toHaveText('1 of 2 (50%)');
  await expect(row).toHaveCount(1);

  // Read again from storage, not from the open page: still one record of two answers.
  await progress.reload();
  await expect(historyRows(progress)).toHaveCount(1);
  await expect(historyRows(progress).locator('td').nth(1)).toHaveText('1 of 2 (50%)');
  await expect(historyRows(progress).locator('td').nth(2)).toHaveText(`Team session ${code}`);
});
