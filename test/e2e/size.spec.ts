import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { offlineReady } from './build-server';

interface SizeReport {
  render: string[];
  idle: string[];
}

// Written by `npm run build` (scripts/size-report.ts), which holds these lists to their budgets.
const report = JSON.parse(readFileSync('dist/size-report.json', 'utf8')) as SizeReport;

test('every script `/` loads, at first paint and once idle, is one the size report counts', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path.slice(1));
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Kube Service Trainer' })).toBeVisible();
  // Idle: the service worker, registered after the page loads, has installed (precached the app)
  // and taken charge. Everything `/` imports after its first paint has been fetched by then.
  await offlineReady(page);

  // The service worker's precache fetches go through the worker, not the page.
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of report.render) expect(scripts).toContain(file);
  expect(scripts.filter((file) => !report.idle.includes(file))).toEqual([]);
});
