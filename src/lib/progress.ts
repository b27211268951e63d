import type { ProgressStore } from '../domain/progress-store';
import { createIdbProgressStore } from './idb-progress-store';

let store: ProgressStore | undefined;

/** The app's one progress store (IndexedDB), opened on first use. */
export function progressStore(): ProgressStore {
  store ??= createIdbProgressStore();
  return store;
}
