import { expect, test, type Page } from '@playwright/test';
import { answerOf, currentQuestion, expectNoAxeViolations, watchErrors } from './helpers';

// The browser's clock is fixed, so what is due is exactly what the schedule says.
const T0 = new Date(2025, 2, 3, 9, 0).getTime(); // Monday 3 March 2025, 09:00 local time
const MIN = 60_000;
const DAY = 86_400_000;

const dueCount = (page: Page) => page.locator('.due-number');
const cardId = (page: Page) =>
  page.locator('[data-question-id]').getAttribute('data-question-id') as Promise<string>;

test('review cards with the keyboard alone; after reloads, the due count and next card follow the schedule', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.clock.setFixedTime(T0);
  await page.goto('/flashcards');
  // A fresh learner: the daily limit of 20 new cards.
  await expect(dueCount(page)).toHaveText('20 due');

  // Good (back in 10 minutes), Again (1 minute), Good, Easy (days away).
  const seen: string[] = [];
  for (const key of ['3', '1', '3', '4']) {
    const id = await cardId(page);
    seen.push(id);
    await page.keyboard.press('Space');
    const back = page.getByRole('region', { name: `Answer: ${answerOf.get(id)}` });
    await expect(back).toBeFocused();
    await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.locator('[data-question-id]')).not.toHaveAttribute('data-question-id', id);
    await expect(page.locator('[data-question-id]')).toBeFocused();
  }
  expect(new Set(seen).size).toBe(4);
  await expect(dueCount(page)).toHaveText('16 due');
  const fifth = await cardId(page);
  expect(seen).not.toContain(fifth);

  // Same moment, reloaded: nothing has changed.
  await page.reload();
  await expect(dueCount(page)).toHaveText('16 due');
  expect(await cardId(page)).toBe(fifth);

  // Two minutes on, the card rated Again is due, and learning cards come first.
  await page.clock.setFixedTime(T0 + 2 * MIN);
  await page.reload();
  await expect(dueCount(page)).toHaveText('17 due');
  await expect(page.getByText('1 learning · 0 to review · 16 new')).toBeVisible();
  expect(await cardId(page)).toBe(seen[1]);

  // Eleven minutes on, the two Good cards are due as well, soonest due first: the Again card,
  // then the Good ones in the order they were rated.
  await page.clock.setFixedTime(T0 + 11 * MIN);
  await page.reload();
  await expect(dueCount(page)).toHaveText('19 due');
  await expect(page.getByText('3 learning · 0 to review · 16 new')).toBeVisible();
  expect(await cardId(page)).toBe(seen[1]);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('[data-question-id]')).toHaveAttribute('data-question-id', seen[0]!);
  await expect(dueCount(page)).toHaveText('18 due');

  // Nine days on, it is a new day: the Easy card is a due review and 20 new cards are allowed again.
  await page.clock.setFixedTime(T0 + 9 * DAY);
  await page.reload();
  await expect(page.getByText('3 learning · 1 to review · 20 new')).toBeVisible();
  await expect(dueCount(page)).toHaveText('24 due');
  expect(errors).toEqual([]);
});

test('Undo takes the rating back, also once nothing is due, and the reload agrees', async ({
  page,
}) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/flashcards');
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(dueCount(page)).toHaveText('1 due');
  const id = await cardId(page);
  // Focus is still on Save settings, where Space would press it: go back to the card first.
  await page.locator('[data-question-id]').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(dueCount(page)).toHaveText('Nothing due');
  await expect(page.getByText('Next card due tomorrow.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Run a quiz' })).toHaveAttribute('href', '/quiz');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(dueCount(page)).toHaveText('1 due');
  expect(await cardId(page)).toBe(id);
  await page.reload();
  await expect(dueCount(page)).toHaveText('1 due');
  expect(await cardId(page)).toBe(id);
});

test('choose first: a wrong pick pre-selects Again, Enter confirms, and the card is due in a minute', async ({
  page,
}) => {
  await page.clock.setFixedTime(T0);
  await page.goto('/flashcards');
  await page.getByText('Settings', { exact: true }).click();
  await page.getByRole('radio', { name: /Choose the type first/ }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('group', { name: 'Answers' })).toBeVisible();
  const q = await currentQuestion(page);
  await page.locator('[data-question-id]').focus();
  await page.keyboard.press(q.wrong === 'ClusterIP' ? '1' : '2');
  await expect(page.getByText(`Incorrect — you picked ${q.wrong}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Again', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dueCount(page)).toHaveText('19 due');
  await page.clock.setFixedTime(T0 + 61_000);
  await page.reload();
  expect(await cardId(page)).toBe(q.id);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any flashcard screen (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.clock.setFixedTime(T0);
    await page.goto('/flashcards');
    await expect(dueCount(page)).toHaveText('20 due');
    await page.getByText('Filter cards').click();
    await page.getByText('Settings', { exact: true }).click();
    await expectNoAxeViolations(page, 'front');

    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByText('Why not the other types').click();
    await expectNoAxeViolations(page, 'back');
    await page.getByRole('button', { name: 'Easy', exact: true }).click();

    await page.getByRole('radio', { name: /Choose the type first/ }).check();
    await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(dueCount(page)).toHaveText('1 due');
    const q = await currentQuestion(page);
    await page.getByRole('button', { name: q.wrong, exact: true }).click();
    await expect(page.getByRole('button', { name: 'Again', exact: true })).toBeFocused();
    await expectNoAxeViolations(page, 'choose-first');

    await page.keyboard.press('4');
    await expect(dueCount(page)).toHaveText('Nothing due');
    await expect(page.getByRole('region', { name: 'Session summary' })).toBeVisible();
    await expectNoAxeViolations(page, 'nothing due');
  });
}

test('on a phone-sized screen a card fits without sideways scrolling', async ({ browser }) => {
  const page = await browser.newPage({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto('/flashcards');
  await page.getByRole('button', { name: 'Show answer' }).tap();
  await expect(page.getByRole('button', { name: 'Again', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.close();
});
