import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page } from '@playwright/test';
import { staticHandler } from '../../server/static';

/**
 * The built app (dist/), served by the production static handler on a port of its own, for tests
 * that must stop the server (offline) or change what it serves (a new version). `nextWorker()`
 * makes /sw.js a different build's service worker from then on: the same precache list with one
 * more line, which is all a browser needs to install it as a new version.
 */
export async function serveBuild() {
  const files = staticHandler('dist');
  let worker: string | null = null;
  const server = createServer((req, res) => {
    if (worker !== null && req.url?.split('?')[0] === '/sw.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
      res.end(worker);
      return;
    }
    files(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextWorker() {
      worker = `${readFileSync('dist/sw.js', 'utf8')}\n// build B\n`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Resolves once the service worker controls the page: it is active, which it becomes only after
 * precaching everything, and has taken charge of the page that installed it.
 */
export async function offlineReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
    .toMatch(/\/sw\.js$/);
}
