import { useCallback, useEffect, useState } from 'react';
import type { ProgressData } from '../../domain/progress-export';
import type { ProgressStore, SetAsideRecord } from '../../domain/progress-store';
import type { Backup } from '../../domain/backup-records';

export interface ProgressView {
  data: ProgressData;
  backups: Backup[];
  setAside: SetAsideRecord[];
}

export type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: ProgressView };

async function readView(store: ProgressStore): Promise<LoadState> {
  try {
    const data = await store.exportData();
    const [backups, setAside] = [await store.listBackups(), await store.listSetAside()];
    return { status: 'ready', view: { data, backups, setAside } };
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
