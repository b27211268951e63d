import { createAppUpdates } from '../lib/app-updates';

/** The app's one view of new versions, fed by the service worker (see App). */
export const appUpdates = createAppUpdates(() => window.location.reload());

let started = false;

/** In the production build, where /sw.js exists, registers it once the app has rendered. */
export function startServiceWorker(): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  import('../lib/service-worker')
    .then((m) => m.registerServiceWorker(appUpdates))
    // Without a service worker the app still works online; nothing to tell the learner.
    .catch(() => {});
}
