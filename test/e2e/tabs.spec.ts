import { expect, test } from '@playwright/test';
import { currentQuestion, questionOnScreen } from './helpers';

test('two tabs stay consistent: a stale tab catches up instead of overwriting', async ({
  context,
}) => {
  const tabA = await context.newPage();
  await tabA.goto('/quiz?count=5&seed=two-tabs&start=1');
  const first = await questionOnScreen(tabA, 1, 5);
  const tabB = await context.newPage();
  await tabB.goto('/quiz');
  await expect(tabB.getByText('Question 1 of 5')).toBeVisible();

  // Tab A answers and moves on; tab B, still showing question 1, follows.
  await tabA.getByRole('button', { name: first.answer, exact: true }).click();
  await expect(tabA.getByText('Answer saved')).toBeVisible();
  await tabA.getByRole('button', { name: 'Next question' }).click();
  await expect(tabA.getByText('Question 2 of 5')).toBeVisible();
  await expect(tabB.getByText('Question 2 of 5')).toBeVisible();
  await expect(tabB.getByText(/moved on in another tab or window/)).toBeVisible();
  expect((await currentQuestion(tabB)).id).toBe((await currentQuestion(tabA)).id);

  // A progress page open in a third tab shows a quiz finished elsewhere without a reload.
  const progress = await context.newPage();
  await progress.goto('/progress');
  await expect(progress.getByText(/Nothing here yet/)).toBeVisible();
  // Playwright waits for animation frames before a click, and a page in the background gets few.
  await tabA.bringToFront();
  for (let i = 1; i < 5; i++) {
    const q = await questionOnScreen(tabA, i + 1, 5);
    await tabA.getByRole('button', { name: q.answer, exact: true }).click();
    await tabA.getByRole('button', { name: i === 4 ? 'See results' : 'Next question' }).click();
  }
  await expect(tabA.getByText('You scored 5 of 5')).toBeVisible();
  await expect(progress.getByText(/5 quiz answers in 1 quiz, 100% right/)).toBeVisible();
  await expect(tabB.getByText(/finished in another tab or window/)).toBeVisible();
});
