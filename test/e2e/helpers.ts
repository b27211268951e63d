import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

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
  // Let the screen settle first, as a reader's eye does: a colour halfway through its transition
  // (after a hover, or a change of theme) is not a colour anyone reads.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))),
  );
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

/** Runs axe in the light theme and in the dark one, then puts the page back in the light theme. */
export async function expectNoAxeViolationsInBothThemes(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Controls a finger cannot hit reliably: smaller than 44 × 44 CSS px (WCAG 2.5.5). A checkbox or
 * radio counts by its label, which takes the tap; a link inside a paragraph is running text, which
 * WCAG exempts.
 */
export function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      if (!el.checkVisibility() || el.closest('p')) continue;
      const isToggle = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type);
      const label = el instanceof HTMLInputElement ? el.labels?.[0] : undefined;
      const target = isToggle || el.matches('.visually-hidden') ? label : el;
      if (!target) {
        small.push(`${el.outerHTML.slice(0, 80)} has no label to tap`);
        continue;
      }
      const box = target.getBoundingClientRect();
      // Sub-pixel layout: 43.99 px is 44 px on screen.
      if (Math.round(box.width) < 44 || Math.round(box.height) < 44) {
        const name = (el.getAttribute('aria-label') ?? target.textContent ?? '').trim();
        small.push(
          `${el.tagName.toLowerCase()} "${name.slice(0, 40)}": ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`,
        );
      }
    }
    return small;
  });
}

export async function expectTouchTargets(page: Page, where: string) {
  expect(await smallTouchTargets(page), `${where}: controls under 44 × 44 px`).toEqual([]);
}

/** Elements (and their ::before/::after) with a transition or animation that takes time. */
export function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(...list.split(',').map((s) => parseFloat(s) || 0));
    const moving: string[] = [];
    for (const el of document.querySelectorAll('*'))
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        const transition =
          style.transitionProperty !== 'none' &&
          seconds(style.transitionDuration) + seconds(style.transitionDelay) > 0;
        const animation = style.animationName !== 'none' && seconds(style.animationDuration) > 0;
        if (transition || animation)
          moving.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo ?? ''}`);
      }
    return moving;
  });
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Damages the first stored quiz result in IndexedDB by hand, as a failing disk or an old bug might. */
export async function damageFirstQuizResult(page: Page) {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kube-service-trainer');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('quizResults', 'readwrite');
    const store = tx.objectStore('quizResults');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = store.getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    store.put({ v: 1, data: { quizId: keys[0], answers: 'garbage' } }, keys[0]!);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
}
