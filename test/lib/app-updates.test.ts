import { describe, expect, it } from 'vitest';
import { createAppUpdates, type UpdatableWorker } from '../../src/lib/app-updates';

/** A stand-in for the service worker registration: the test fires its events. */
function fakeWorker() {
  const listeners = { waiting: [] as (() => void)[], controlling: [] as (() => void)[] };
  let activations = 0;
  let activate: () => void = () => {};
  const worker: UpdatableWorker = {
    onWaiting: (listener) => listeners.waiting.push(listener),
    onControlling: (listener) => listeners.controlling.push(listener),
    activateWaiting: () => {
      activations++;
      return new Promise((resolve) => (activate = resolve));
    },
  };
  return {
    worker,
    fire: (type: 'waiting' | 'controlling') => listeners[type].forEach((l) => l()),
    activations: () => activations,
    /** The waiting version has become the active one. */
    activated: async () => {
      activate();
      await Promise.resolve();
    },
  };
}

function setup() {
  let reloads = 0;
  const updates = createAppUpdates(() => void reloads++);
  const sw = fakeWorker();
  updates.connect(sw.worker);
  return { updates, sw, reloads: () => reloads };
}

describe('app updates', () => {
  it('offers a waiting version and neither activates it nor reloads on its own', () => {
    const { updates, sw, reloads } = setup();
    expect(updates.getState()).toBe('none');
    sw.fire('waiting');
    expect(updates.getState()).toBe('available');
    expect(sw.activations()).toBe(0);
    expect(reloads()).toBe(0);
  });

  it('on the learner’s word, lets the new version take over and reloads once it is active', async () => {
    const { updates, sw, reloads } = setup();
    sw.fire('waiting');
    updates.update();
    expect(updates.getState()).toBe('updating');
    expect(sw.activations()).toBe(1);
    // Taking control of this page is not yet the moment: the reload waits for activation.
    sw.fire('controlling');
    expect(reloads()).toBe(0);
    await sw.activated();
    expect(reloads()).toBe(1);
  });

  it('reloads at once when pressed again while the new version has not taken over', () => {
    const { updates, sw, reloads } = setup();
    sw.fire('waiting');
    updates.update();
    updates.update();
    expect(sw.activations()).toBe(1);
    expect(reloads()).toBe(1);
  });

  it('"Later" hides the offer; the next version offers itself again', () => {
    const { updates, sw } = setup();
    sw.fire('waiting');
    updates.dismiss();
    expect(updates.getState()).toBe('dismissed');
    sw.fire('waiting');
    expect(updates.getState()).toBe('available');
  });

  it('when another tab took the new version, offers a reload instead of reloading', () => {
    const { updates, sw, reloads } = setup();
    sw.fire('waiting');
    updates.dismiss();
    sw.fire('controlling');
    expect(updates.getState()).toBe('available');
    expect(reloads()).toBe(0);
    // Nothing waits any more: the reload alone brings the new version.
    updates.update();
    expect(sw.activations()).toBe(0);
    expect(reloads()).toBe(1);
  });

  it('without a service worker, Reload simply reloads', () => {
    let reloads = 0;
    const updates = createAppUpdates(() => void reloads++);
    updates.update();
    expect(reloads).toBe(1);
  });

  it('tells subscribers of each change', () => {
    const { updates, sw } = setup();
    const seen: string[] = [];
    updates.subscribe(() => seen.push(updates.getState()));
    sw.fire('waiting');
    updates.dismiss();
    expect(seen).toEqual(['available', 'dismissed']);
  });
});
