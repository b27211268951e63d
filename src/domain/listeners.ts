/**
 * A controller's listeners, as `useSyncExternalStore` subscribes them. While it has any, the
 * controller also listens to `source` (the progress store, for other tabs' changes), and stops
 * when the last one leaves, so a page that unmounts leaves nothing behind.
 */
export function createListeners(
  source: { subscribe(listener: () => void): () => void },
  onSourceChange: () => void,
) {
  const listeners = new Set<() => void>();
  let unwatch: (() => void) | null = null;
  return {
    notify() {
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      unwatch ??= source.subscribe(onSourceChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unwatch?.();
        unwatch = null;
      };
    },
  };
}
