import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const bank = JSON.parse(readFileSync('data/questions.json', 'utf8')) as {
  questions: { id: string; answer: string; prompt: string }[];
};
export const answerOf = new Map(bank.questions.map((q) => [q.id, q.answer]));
export const promptOf = new Map(bank.questions.map((q) => [q.id, q.prompt]));
export const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/** The id and right answer of the question on screen, looked up in the bank file. */
export async function currentQuestion(page: Page) {
  const id = (await page.locator('[data-question-id]').getAttribute('data-question-id')) ?? '';
  const answer = answerOf.get(id);
  if (!answer) throw new Error(`question ${id} is not in data/questions.json`);
  return { id, answer, wrong: answer === 'NodePort' ? 'ClusterIP' : 'NodePort' };
}

/**
 * Waits until question `k` of `n` is on screen, as a learner waits for it, then names it. Reading
 * the question element sooner can find the previous question while the move is being saved.
 */
export async function questionOnScreen(page: Page, k: number, n: number) {
  await expect(page.getByText(`Question ${k} of ${n}`, { exact: true })).toBeVisible();
  return currentQuestion(page);
}

export async function expectNoAxeViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map(
      (v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

/** Collects console errors and uncaught exceptions for a test to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
