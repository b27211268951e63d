import { useCallback, useEffect, useState } from 'react';
import type { ProgressData } from '../../domain/progress-export';
import type { ProgressStore, QuarantinedRecord } from '../../domain/progress-store';
import type { Snapshot } from '../../domain/snapshots';

export interface ProgressView {
  data: ProgressData;
  snapshots: Snapshot[];
  quarantine: QuarantinedRecord[];
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ProgressView };

async function readView(store: ProgressStore): Promise<LoadState> {
  try {
    const data = await store.exportData();
    const [snapshots, quarantine] = [await store.listSnapshots(), await store.listQuarantine()];
    return { status: 'ready', view: { data, snapshots, quarantine } };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Everything the page shows, read through the store and re-read when any tab changes it. */
export function useProgressData(store: ProgressStore) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => store.subscribe(reload), [store, reload]);
  useEffect(() => {
    let live = true;
    void readView(store).then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [store, version]);
  return { state, reload };
}
