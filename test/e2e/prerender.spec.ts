import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

const ROUTES = [
  { path: '/', heading: 'Kube Service Trainer' },
  { path: '/quiz', heading: 'Quiz' },
  { path: '/flashcards', heading: 'Flashcards' },
  { path: '/progress', heading: 'Progress' },
  { path: '/team', heading: 'Team session' },
  { path: '/banks', heading: 'Question banks' },
];

test('every route paints its heading and navigation before any JavaScript runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const route of ROUTES) {
    // A page that throws while prerendering (say, it reads `window` as it renders) is sent as a
    // client-rendered boundary, `<!--$!-->`, and the browser logs React error 419 on hydration.
    const sent = await (await page.request.get(route.path)).text();
    expect(sent, `${route.path} is prerendered in full`).not.toContain('<!--$!-->');
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    await expect(page).toHaveTitle(
      route.path === '/' ? 'Kube Service Trainer' : `${route.heading} · Kube Service Trainer`,
    );
    if (route.path !== '/')
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    else await expect(page.getByRole('link', { name: 'Question banks' })).toBeVisible();
  }
  await context.close();
});

test('the app takes over the prerendered page without re-creating it or logging an error', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // Note the first heading the HTML parser creates, before any script runs.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const h1 = document.querySelector('h1');
      if (!h1) return;
      (window as unknown as { parsedHeading: Element }).parsedHeading = h1;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  for (const path of ['/', '/team', '/banks']) {
    await page.goto(path);
    // Hydrated: the very element the server sent is now React's (React marks nodes it owns).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const parsed = (window as unknown as { parsedHeading?: Element }).parsedHeading;
          const now = document.querySelector('h1');
          return (
            parsed === now && Object.keys(now ?? {}).some((key) => key.startsWith('__reactFiber'))
          );
        }),
      )
      .toBe(true);
  }
  // The client router works from a hydrated page.
  await page.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
  for (const route of ROUTES) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
  }
  await page.goto('/quiz');
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a page without a shell of its own is rendered cleanly on the generic shell', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/join/ABC123');
  await expect(page.getByRole('heading', { level: 1, name: 'Join a session' })).toBeVisible();
  await expect(page.getByText('Loading…', { exact: true })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the bank downloads from the page head, once, in parallel with the scripts', async ({
  page,
}) => {
  // What each page shows once it has the bank (and so has fetched it).
  const ready = {
    '/quiz': page.getByRole('button', { name: 'Start quiz' }),
    '/flashcards': page.getByText(/^(\d+ due|Nothing due)/),
    '/progress': page.getByText('Nothing here yet', { exact: false }),
    '/team': page.getByRole('button', { name: 'Host a session' }),
  };
  for (const [path, shown] of Object.entries(ready)) {
    await page.goto(path);
    await expect(shown.first()).toBeVisible();
    const requests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => /\/assets\/questions-[^/]+\.json$/.test(new URL(entry.name).pathname))
        .map((entry) => entry.initiatorType),
    );
    // 'link': started by the preload in the HTML, not by the app's fetch after its code ran;
    // one entry: the app's fetch used the preloaded response instead of downloading again.
    expect(requests, path).toEqual(['link']);
  }
});
