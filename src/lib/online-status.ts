/**
 * Whether the browser has a network connection, as `navigator.onLine` and the window's `online` /
 * `offline` events tell it: the shape `useSyncExternalStore` takes. `false` is reliable (no network
 * at all); `true` does not promise that the server answers.
 */
export const onlineStatus = {
  subscribe(listener: () => void): () => void {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
  getSnapshot: (): boolean => navigator.onLine,
  /** Prerendered pages assume a connection; the client corrects it once it runs. */
  getServerSnapshot: (): boolean => true,
};
