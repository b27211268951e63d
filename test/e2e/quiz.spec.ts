import { expect, test, type Page } from '@playwright/test';
import {
  currentQuestion,
  expectNoAxeViolations,
  promptOf,
  questionOnScreen,
  TYPES,
  watchErrors,
} from './helpers';

const LINK = '/quiz?count=5&seed=e2e-seed&start=1';

test('a whole 5-question quiz from a seeded link: score, confusion matrix, retry mistakes', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(LINK);
  const picks: { id: string; answer: string; chosen: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const q = await questionOnScreen(page, i + 1, 5);
    // The UI contract: the question element's text contains the prompt as the bank has it.
    await expect(page.locator(`[data-question-id="${q.id}"]`)).toContainText(promptOf.get(q.id)!);
    // Right on questions 1, 3 and 5; wrong on 2 and 4.
    const chosen = i % 2 === 0 ? q.answer : q.wrong;
    picks.push({ id: q.id, answer: q.answer, chosen });
    await page.getByRole('button', { name: chosen, exact: true }).click();
    const status = page.getByRole('status');
    await expect(status).toContainText(
      i % 2 === 0 ? /^Correct/ : new RegExp(`^Incorrect — the answer is ${q.answer}`),
    );
    for (const name of TYPES)
      await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    await page.getByRole('button', { name: i === 4 ? 'See results' : 'Next question' }).click();
  }

  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(page.getByText('You scored 3 of 5')).toBeVisible();
  const matrix = page.getByRole('table', { name: 'Confusion matrix' });
  for (const type of TYPES) {
    const expected = TYPES.map((chosen) =>
      String(picks.filter((p) => p.answer === type && p.chosen === chosen).length),
    );
    await expect(
      matrix.getByRole('row', { name: new RegExp(`^${type}`) }).getByRole('cell'),
    ).toHaveText(expected);
  }

  const mistakes = picks.filter((p) => p.chosen !== p.answer).map((p) => p.id);
  await page.getByRole('button', { name: 'Retry mistakes' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  expect(mistakes).toContain((await currentQuestion(page)).id);
  expect(errors).toEqual([]);
});

/** Answers every question of a `count`-question quiz and returns the question ids in order. */
async function questionsOf(page: Page, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const q = await questionOnScreen(page, i + 1, count);
    ids.push(q.id);
    await page.getByRole('button', { name: q.answer, exact: true }).click();
    await page
      .getByRole('button', { name: i === count - 1 ? 'See results' : 'Next question' })
      .click();
  }
  await expect(page.getByText(`You scored ${count} of ${count}`)).toBeVisible();
  return ids;
}

test('the same link gives the same questions in the same order', async ({ page, browser }) => {
  await page.goto(LINK);
  const first = await questionsOf(page, 5);
  // Another browser profile, with no saved progress: the link alone decides the quiz.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(LINK);
  expect(await questionsOf(other, 5)).toEqual(first);
  expect(new Set(first).size).toBe(5);
  await context.close();
});

test('a reload mid-quiz resumes the same quiz at the same question', async ({ page }) => {
  await page.goto(LINK);
  const q1 = await currentQuestion(page);
  await page.getByRole('button', { name: q1.answer, exact: true }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  // Reload as soon as question 2 shows: the move to it is saved before it is shown.
  const q2 = await questionOnScreen(page, 2, 5);
  await page.reload();
  await expect(page.getByText('Question 2 of 5')).toBeVisible();
  expect((await currentQuestion(page)).id).toBe(q2.id);
  // Going to the plain setup address also resumes, rather than losing the quiz.
  await page.goto('/quiz');
  await expect(page.getByText('Question 2 of 5')).toBeVisible();
});

test('a whole quiz with the keyboard alone', async ({ page }) => {
  await page.goto('/quiz');
  // Setup: tab to "Start quiz" and press Enter.
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
  await page.getByRole('radio', { name: '5', exact: true }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('button', { name: 'Start quiz' })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) {
    const q = await questionOnScreen(page, i + 1, 5);
    await page.keyboard.press(String(TYPES.indexOf(q.answer) + 1));
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    await expect(page.getByRole('status')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
  await expect(page.getByText('You scored 5 of 5')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry mistakes' })).toHaveCount(0);
});

test('a bad link shows what is wrong beside a working setup form', async ({ page }) => {
  await page.goto('/quiz?count=5&types=Ingress&start=1');
  await expect(page.getByRole('alert')).toContainText(
    'types must list one or more of ClusterIP, NodePort, LoadBalancer, ExternalName',
  );
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.locator('[data-question-id]')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any quiz screen (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/quiz');
    await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Time limit per question' }).check();
    await expectNoAxeViolations(page, 'setup');

    await page.goto('/quiz?count=5&seed=axe&confidence=1&timer=120&start=1');
    const q = await questionOnScreen(page, 1, 5);
    await expectNoAxeViolations(page, 'question');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.locator('[data-question-id]')).toHaveCount(0);
    await expect(page.getByText('The quiz is paused.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, 'paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: q.wrong, exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sure' })).toBeFocused();
    await expectNoAxeViolations(page, 'confidence');
    await page.getByRole('button', { name: 'Sure' }).click();
    await page.getByText('Why not the other types').click();
    await expect(page.getByText('Answer saved')).toBeVisible();
    await expectNoAxeViolations(page, 'feedback');
    await page.getByRole('button', { name: 'Next question' }).click();
    for (let i = 1; i < 5; i++) {
      if (i > 1) await page.keyboard.press('Enter');
      await expect(page.getByText(`Question ${i + 1} of 5`)).toBeVisible();
      await page.keyboard.press('1');
      await expect(page.getByRole('button', { name: 'Sure' })).toBeFocused();
      await page.keyboard.press('g');
      await expect(page.getByRole('status')).toBeFocused();
    }
    await page.getByRole('button', { name: 'See results' }).click();
    await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
    await expectNoAxeViolations(page, 'results');
  });
}

test('on a phone-sized screen the quiz fits without sideways scrolling', async ({ browser }) => {
  const page = await browser.newPage({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto('/quiz?count=5&seed=phone&start=1');
  for (let i = 0; i < 5; i++) {
    const q = await questionOnScreen(page, i + 1, 5);
    await page.getByRole('button', { name: q.wrong, exact: true }).tap();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole('button', { name: i === 4 ? 'See results' : 'Next question' }).tap();
  }
  await expect(page.getByText('You scored 0 of 5')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.close();
});
