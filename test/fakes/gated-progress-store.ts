import type { ProgressStore } from '../../src/domain/progress-store';

const WRITES = [
  'saveActiveQuiz',
  'clearActiveQuiz',
  'finishQuiz',
  'updateQuizResult',
  'removeBankProgress',
  'addReviewLog',
  'deleteReviewLog',
  'saveFlashcardSettings',
  'replaceAll',
  'addBackup',
  'deleteBackup',
  'clearSetAside',
] as const satisfies readonly (keyof ProgressStore)[];

export type WriteName = (typeof WRITES)[number];

/**
 * A store whose writes are committed only when the test says so: each waits in line until
 * `release()` commits it to the store underneath, or `fail()` rejects it. Reads go straight
 * through. With it a test can look at the screen while a save is in flight.
 */
export interface GatedStore extends ProgressStore {
  /** The writes in flight, oldest first. */
  readonly waiting: readonly WriteName[];
  /** Commits the oldest write in flight, then lets everything it set off settle. */
  release(): Promise<void>;
  /** Fails the oldest write in flight with `error`, then lets everything settle. */
  fail(error?: Error): Promise<void>;
}

interface Held {
  name: WriteName;
  commit: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function gateWrites(inner: ProgressStore): GatedStore {
  const line: Held[] = [];
  const gated = { ...inner } as ProgressStore;
  for (const name of WRITES) {
    const write = inner[name] as (...args: unknown[]) => Promise<void>;
    (gated as unknown as Record<WriteName, unknown>)[name] = (...args: unknown[]) =>
      new Promise<void>((resolve, reject) =>
        line.push({ name, commit: () => write(...args), resolve, reject }),
      );
  }
  function next(): Held {
    const held = line.shift();
    if (!held) throw new Error('No write is in flight.');
    return held;
  }
  async function release() {
    const held = next();
    try {
      await held.commit();
      held.resolve();
    } catch (error) {
      // The store underneath refused it (a stale quiz): the caller hears why.
      held.reject(error);
    }
    await settle();
  }
  async function fail(error = new Error('QuotaExceededError: the disk is full')) {
    next().reject(error);
    await settle();
  }
  return Object.defineProperties(gated as GatedStore, {
    waiting: { get: () => line.map((h) => h.name) },
    release: { value: release },
    fail: { value: fail },
  });
}

/**
 * Lets every promise chain and every notification now in motion run to its end: a few rounds of
 * the task queue, each of which first empties the microtask queue.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
