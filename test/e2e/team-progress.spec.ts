import { expect, test, type Browser, type Page } from '@playwright/test';
import { answerOf } from './helpers';

// A participant's answers in a live session go into their own progress, as one "Team session"
// record, each answer once: a reconnect that brings the results back adds nothing.

async function hostSession(page: Page, count: number) {
  await page.goto('/team');
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill(String(count));
  await page.getByRole('textbox', { name: 'Seed' }).fill('e2e-team-progress');
  await page.getByRole('radio', { name: 'Untimed: I reveal each answer' }).check();
  await page.getByRole('button', { name: 'Host a session' }).click();
  const shown = page.getByLabel('Join code');
  await expect(shown).toHaveText(/^\s*[A-HJKMNP-Z2-9]{6}\s*$/);
  return ((await shown.textContent()) ?? '').trim();
}

async function joinAs(browser: Browser, code: string, name: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/join/${code}`);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: `You are in, ${name}` })).toBeVisible();
  return page;
}

async function questionOn(page: Page) {
  const el = page.locator('[data-question-id]');
  await expect(el).toBeVisible();
  const id = (await el.getAttribute('data-question-id')) ?? '';
  const answer = answerOf.get(id);
  if (!answer) throw new Error(`question ${id} is not in data/questions.json`);
  return { id, answer, wrong: answer === 'NodePort' ? 'ClusterIP' : 'NodePort' };
}

/** The history rows on /progress as cell texts; the page updates itself when progress changes. */
const historyRows = (page: Page) =>
  page.getByRole('table', { name: 'Quiz history, newest first' }).locator('tbody tr');

test('a participant’s revealed answers land once in their own progress, marked as team', async ({
  page: host,
  browser,
}) => {
  const code = await hostSession(host, 2);
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
