import { useSyncExternalStore } from 'react';
import { onlineStatus } from '../lib/online-status';

/** Whether the device is online, kept up to date as the connection comes and goes. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    onlineStatus.subscribe,
    onlineStatus.getSnapshot,
    onlineStatus.getServerSnapshot,
  );
}
