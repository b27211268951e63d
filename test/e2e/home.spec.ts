import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('home loads with no console errors, navigates, and has no axe violations', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Kube Service Trainer' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  for (const name of ['Quiz', 'Flashcards', 'Progress', 'Team session', 'Question banks']) {
    await page.goto('/');
    await page.getByRole('link', { name }).click();
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: name === 'Question banks' ? 'Question banks' : name,
      }),
    ).toBeVisible();
  }
  await page.getByRole('link', { name: 'Kube Service Trainer' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(problems).toEqual([]);
});

test('dark theme passes axe too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an unknown path served by the server shows the 404 page, not a blank page', async ({
  page,
}) => {
  await page.goto('/definitely/not/here');
  await expect(page.getByRole('alert')).toContainText('There is no page at /definitely/not/here');
});

test('home works from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  // Tab through to the Quiz card and follow it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.getByRole('link', { name: 'Quiz' }).evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await expect(page.getByRole('link', { name: 'Quiz' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeFocused();
});
