import { expect, type Browser, type Page } from '@playwright/test';
import { answerOf } from './helpers';

// Hosting and joining a live session as people do it, for the team browser tests.

export interface HostOptions {
  count?: number;
  lateJoin?: boolean;
  seed?: string;
}

/** Hosts an untimed session from /team and returns its join code once the server gave it. */
export async function hostSession(
  page: Page,
  { count = 2, lateJoin = true, seed = 'e2e-team' }: HostOptions = {},
) {
  await page.goto('/team');
  await page.getByRole('spinbutton', { name: 'Number of questions' }).fill(String(count));
  await page.getByRole('textbox', { name: 'Seed' }).fill(seed);
  await page.getByRole('radio', { name: 'Untimed: I reveal each answer' }).check();
  if (!lateJoin)
    await page
      .getByRole('checkbox', { name: 'Let people join after the first question has started' })
      .uncheck();
  await page.getByRole('button', { name: 'Host a session' }).click();
  await expect(page).toHaveURL(/\/team\/host\/[A-Z0-9]{6}$/);
  // The code shows once the server has answered the host's hello: wait for it, as a host would.
  const shown = page.getByLabel('Join code');
  await expect(shown).toHaveText(/^\s*[A-HJKMNP-Z2-9]{6}\s*$/);
  const code = ((await shown.textContent()) ?? '').trim();
  expect(page.url()).toMatch(new RegExp(`/team/host/${code}$`));
  return code;
}

/** Joins from a browser context of its own (its own storage, like another device). */
export async function joinAs(
  browser: Browser,
  code: string,
  name: string,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto(`/join/${code}`);
  await expect(page.getByRole('textbox', { name: 'Join code' })).toHaveValue(code);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: `You are in, ${name}` })).toBeVisible();
  return page;
}

/** The question on a page, with its right answer and a wrong one, from the bank file. */
export async function questionOn(page: Page) {
  const el = page.locator('[data-question-id]');
  await expect(el).toBeVisible();
  const id = (await el.getAttribute('data-question-id')) ?? '';
  const answer = answerOf.get(id);
  if (!answer) throw new Error(`question ${id} is not in data/questions.json`);
  return { id, answer, wrong: answer === 'NodePort' ? 'ClusterIP' : 'NodePort' };
}
