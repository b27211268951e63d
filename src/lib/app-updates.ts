import { createState } from './live-store';

/**
 * A new version of the app, as the page sees it:
 * - `none`: this is the latest the browser knows of;
 * - `available`: a new version is installed and waits for the learner (or another tab took it);
 * - `dismissed`: the learner chose "Later" (the new version still waits);
 * - `updating`: the learner chose to reload; the page reloads once the new version is active.
 */
export type UpdateStatus = 'none' | 'available' | 'dismissed' | 'updating';

/** What the page needs from its service worker registration. */
export interface UpdatableWorker {
  /** A new version is installed and waits for this page's word. */
  onWaiting(listener: () => void): void;
  /** A new version took control of this page (another tab let it in). */
  onControlling(listener: () => void): void;
  /** Lets the waiting version take over; resolves once it is active. */
  activateWaiting(): Promise<void>;
}

export type AppUpdates = ReturnType<typeof createAppUpdates>;

/**
 * Never swaps the app under a learner: a new version waits until they choose to reload (in the
 * middle of a quiz they can finish first). `reload` loads the page again.
 */
export function createAppUpdates(reload: () => void) {
  const status = createState<UpdateStatus>('none');
  let worker: UpdatableWorker | null = null;
  let waiting = false;

  return {
    getState: status.getState,
    subscribe: status.subscribe,

    /** Wires in the page's service worker registration. */
    connect(next: UpdatableWorker) {
      worker = next;
      next.onWaiting(() => {
        waiting = true;
        if (status.getState() !== 'updating') status.set('available');
      });
      next.onControlling(() => {
        waiting = false;
        // This page asked for it and reloads once it is active; any other page still runs the
        // old code, so it offers the reload again rather than reloading under the learner.
        if (status.getState() !== 'updating') status.set('available');
      });
    },

    /** The learner chose to update: let the waiting version take over, then reload. */
    update() {
      // A second press while the new version takes over (or never does) just reloads.
      if (worker && waiting && status.getState() !== 'updating') {
        status.set('updating');
        void worker.activateWaiting().then(reload);
      } else reload();
    },

    dismiss() {
      if (status.getState() === 'available') status.set('dismissed');
    },
  };
}
