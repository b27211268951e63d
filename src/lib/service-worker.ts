import { Workbox } from 'workbox-window';
import type { AppUpdates } from './app-updates';

/** A tab left open for a day still learns of a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that vite-plugin-pwa generates (/sw.js: the app precached for
 * offline use) and reports new versions to `updates`. Loaded lazily, after the first page shows.
 */
export function registerServiceWorker(updates: AppUpdates): void {
  const wb = new Workbox('/sw.js');
  updates.connect({
    onWaiting: (listener) => wb.addEventListener('waiting', listener),
    onControlling: (listener) => {
      // Only a change from one version to another counts, not the first worker taking charge.
      let controlled = Boolean(navigator.serviceWorker.controller);
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (controlled) listener();
        controlled = true;
      });
    },
    activateWaiting: async () => {
      const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
      if (!waiting) return;
      const active = new Promise<void>((resolve) => {
        waiting.addEventListener('statechange', () => {
          if (waiting.state === 'activated') resolve();
        });
      });
      // The generated worker skips waiting only when asked (see vite.config.ts).
      waiting.postMessage({ type: 'SKIP_WAITING' });
      return active;
    },
  });
  // Workbox waits for the page's load event, so precaching does not compete with the first paint.
  void wb.register().then((registration) => {
    if (registration) window.setInterval(() => void registration.update(), CHECK_EVERY_MS);
  });
}
