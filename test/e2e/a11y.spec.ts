import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  damageFirstQuizResult,
  answerOf,
  expectNoAxeViolationsInBothThemes,
  expectTouchTargets,
  movingElements,
  questionOnScreen,
  tabTo,
  TYPES,
} from './helpers';

// Accessibility across the whole app: touch targets on a phone, reduced motion, the keyboard alone,
// and axe (both themes) on the screens the feature specs do not reach.

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A live session hosted from a laptop-sized page; returns its join code. */
async function hostSession(browser: Browser) {
  const host = await (await browser.newContext()).newPage();
  await host.goto('/team');
  await host.getByRole('spinbutton', { name: 'Number of questions' }).fill('1');
  await host.getByRole('radio', { name: 'Untimed: I reveal each answer' }).check();
  await host.getByRole('button', { name: 'Host a session' }).click();
  const shown = host.getByLabel('Join code');
  await expect(shown).toHaveText(/^\s*[A-HJKMNP-Z2-9]{6}\s*$/);
  return { host, code: ((await shown.textContent()) ?? '').trim() };
}

async function answerQuiz(page: Page, n: number) {
  for (let k = 1; k <= n; k++) {
    const q = await questionOnScreen(page, k, n);
    await page.getByRole('button', { name: q.answer, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    await page.getByRole('button', { name: k === n ? 'See results' : 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
}

test('on a phone every control is at least 44 × 44 px, on every route and quiz, flashcard and progress screen', async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const headings: Record<string, string> = {
    '/': 'Kube Service Trainer',
    '/quiz': 'Quiz',
    '/flashcards': 'Flashcards',
    '/progress': 'Progress',
    '/team': 'Team session',
    '/banks': 'Question banks',
    '/join/K8SABC': 'Join a session',
    '/no-such-page': 'Page not found',
  };
  for (const [path, heading] of Object.entries(headings)) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectTouchTargets(page, path);
  }

  await page.goto('/quiz?count=2&seed=touch&start=1');
  const q = await questionOnScreen(page, 1, 2);
  await expectTouchTargets(page, 'quiz question');
  await page.getByRole('button', { name: q.answer, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Correct/);
  await page.getByText('Why not the other types').click();
  await expectTouchTargets(page, 'quiz feedback');
  await page.getByRole('button', { name: 'Next question' }).click();
  const second = await questionOnScreen(page, 2, 2);
  await page.getByRole('button', { name: second.answer, exact: true }).click();
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expectTouchTargets(page, 'quiz results');

  await page.goto('/flashcards');
  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
  await page.getByText('Filter cards').click();
  await page.getByText('Settings', { exact: true }).click();
  await expectTouchTargets(page, 'flashcard back, filter and settings open');

  await page.goto('/progress');
  await expect(page.getByRole('table', { name: 'Quiz history, newest first' })).toBeVisible();
  await expectTouchTargets(page, 'progress with history');
  await context.close();
});

test('on a phone every control of a live session is at least 44 × 44 px', async ({ browser }) => {
  const { host, code } = await hostSession(browser);
  const player = await (await browser.newContext(PHONE)).newPage();
  await player.goto(`/join/${code}`);
  await expectTouchTargets(player, 'join form');
  await player.getByRole('textbox', { name: 'Name' }).fill('Ana');
  await player.getByRole('button', { name: 'Join' }).click();
  await expect(player.getByRole('heading', { name: 'You are in, Ana' })).toBeVisible();
  await expectTouchTargets(player, 'lobby');
  await host.getByRole('button', { name: 'Start' }).click();
  const id = await player.locator('[data-question-id]').getAttribute('data-question-id');
  await expectTouchTargets(player, 'question');
  await player.getByRole('button', { name: answerOf.get(id ?? '')!, exact: true }).click();
  await expect(player.getByText(/^Correct/)).toBeVisible();
  await expectTouchTargets(player, 'reveal');
  await host.getByRole('button', { name: 'End session' }).click();
  await expect(player.getByText(/^You finished 1st of 1/)).toBeVisible();
  await expectTouchTargets(player, 'final results');
});

test('with reduced motion asked for, nothing moves; without, feedback arrives with a short movement', async ({
  browser,
}) => {
  const states = async (page: Page) => {
    const moving: string[] = [];
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    moving.push(...(await movingElements(page)));
    await page.goto('/quiz?count=1&seed=motion&start=1');
    const q = await questionOnScreen(page, 1, 1);
    await page.getByRole('button', { name: q.answer, exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    moving.push(...(await movingElements(page)));
    await page.goto('/flashcards');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible();
    moving.push(...(await movingElements(page)));
    return moving;
  };

  const reduced = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
  expect(await states(reduced)).toEqual([]);
  // The same screens do move for everyone else, so the check above has something to catch.
  const usual = await (await browser.newContext({ reducedMotion: 'no-preference' })).newPage();
  const moving = await states(usual);
  expect(moving).toContainEqual(expect.stringMatching(/^div\.feedback\b/));
  expect(moving).toContainEqual(expect.stringMatching(/\.button\b/));
});

test('the keyboard alone takes a quiz, reviews flashcards and joins a live session', async ({
  page,
  browser,
}) => {
  // Quiz: from home, a link to the setup, the setup's start button, keys 1–4 and Enter.
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: 'Quiz', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  // Tab reaches a radio group at its checked radio; the arrow keys move within it.
  const five = page.getByRole('radio', { name: '5', exact: true });
  await tabTo(page, page.locator('input[name="count"]:checked'));
  for (let i = 0; i < 6 && !(await five.isChecked()); i++) await page.keyboard.press('ArrowLeft');
  await expect(five).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Start quiz' }));
  await page.keyboard.press('Enter');
  for (let k = 1; k <= 5; k++) {
    const q = await questionOnScreen(page, k, 5);
    await page.keyboard.press(String(TYPES.indexOf(q.answer) + 1));
    await expect(page.getByRole('status')).toHaveText(/^Correct/);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
  await expect(page.getByText('You scored 5 of 5')).toBeVisible();

  // Flashcards: the main navigation, Space to turn a card, keys 1–4 to rate it.
  await tabTo(page, page.getByRole('link', { name: 'Flashcards', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Flashcards' })).toBeVisible();
  const card = page.locator('[data-question-id]');
  for (let i = 0; i < 3; i++) {
    const id = (await card.getAttribute('data-question-id')) ?? '';
    await tabTo(page, page.getByRole('button', { name: 'Show answer' }));
    await page.keyboard.press('Space');
    await expect(page.getByRole('region', { name: `Answer: ${answerOf.get(id)}` })).toBeFocused();
    await page.keyboard.press('3');
    await expect(card).not.toHaveAttribute('data-question-id', id);
  }

  // A live session: the navigation to Team session, the code and a name typed, Enter to join.
  const { host, code } = await hostSession(browser);
  await tabTo(page, page.getByRole('link', { name: 'Team session', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('textbox', { name: 'Join code' }));
  await page.keyboard.type(code);
  await tabTo(page, page.getByRole('textbox', { name: 'Name' }));
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You are in, Kim' })).toBeVisible();
  await host.getByRole('button', { name: 'Start' }).click();
  const id = await page.locator('[data-question-id]').getAttribute('data-question-id');
  const answer = answerOf.get(id ?? '')!;
  await tabTo(page, page.getByRole('button', { name: answer, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Correct/)).toBeVisible();
});

test('axe finds no violations, in either theme, on the screens the feature specs do not reach', async ({
  page,
  context,
}) => {
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Team session' })).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page, 'team');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page, 'team offline');
  await context.setOffline(false);

  const screens = [
    { path: '/join/K8SABC', heading: 'Join a session' },
    { path: '/join/not-a-code', heading: 'Join a session', alert: /is not a join code/ },
    { path: '/banks', heading: 'Question banks' },
    { path: '/no-such-page', heading: 'Page not found' },
    { path: '/quiz?count=zero', heading: 'Quiz', alert: /count/ },
  ];
  for (const screen of screens) {
    await page.goto(screen.path);
    await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
    if (screen.alert) await expect(page.getByRole('alert')).toContainText(screen.alert);
    await expectNoAxeViolationsInBothThemes(page, screen.path);
  }

  // A join refused by the server: the error beside the form.
  await page.goto('/join/ZZZZZZ');
  await page.getByRole('textbox', { name: 'Name' }).fill('Bo');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText('no live session with the code ZZZZZZ');
  await expectNoAxeViolationsInBothThemes(page, 'join refused');

  // Progress with a record set aside: the warning on every page and the one on Progress.
  await page.goto('/quiz?count=1&seed=axe-set-aside&start=1');
  await answerQuiz(page, 1);
  await damageFirstQuizResult(page);
  await page.goto('/flashcards');
  await expect(page.getByRole('alert')).toContainText('could not be read and was set aside');
  await expectNoAxeViolationsInBothThemes(page, 'set-aside warning');
  await page.getByRole('link', { name: 'See Progress' }).click();
  await expect(page.getByRole('button', { name: 'Download set-aside records' })).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page, 'progress with a record set aside');
});
