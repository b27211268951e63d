import type { ImportOutcome, ImportProgress, ImportRequest } from './bank-import';
import workerUrl from 'virtual:worker-url/src/lib/bank-worker.ts';
import type { WorkerMessage, WorkerRequest } from './bank-worker';

/** Runs bank imports; the page gets one (the worker in the app, a fake in component tests). */
export interface BankImporter {
  run(
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportOutcome>;
  /** Stops the import under way: it resolves as cancelled, and nothing is stored. */
  cancel(): void;
}

/** Imports in a Web Worker, one at a time. The worker starts on the first import. */
export function createWorkerImporter(): BankImporter {
  let worker: Worker | null = null;
  let next = 0;
  let pending: { id: number; resolve: (outcome: ImportOutcome) => void } | null = null;
  let progress: (p: ImportProgress) => void = () => {};

  function start(): Worker {
    const w = new Worker(workerUrl, { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (!pending || message.id !== pending.id) return;
      if (message.type === 'progress') progress(message.progress);
      else {
        pending.resolve(message.outcome);
        pending = null;
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      pending?.resolve({
        status: 'failed',
        message: `The bank checker stopped unexpectedly (${event.message || 'unknown error'}). Reload the page and try again.`,
      });
      pending = null;
      stop();
    };
    return w;
  }

  function stop() {
    worker?.terminate();
    worker = null;
  }

  function cancel() {
    // Ending the worker aborts its IndexedDB transaction too: a cancelled bank is never stored.
    stop();
    pending?.resolve({ status: 'cancelled' });
    pending = null;
  }

  return {
    run(request, onProgress) {
      if (pending) cancel();
      worker ??= start();
      const id = ++next;
      progress = onProgress;
      return new Promise((resolve) => {
        pending = { id, resolve };
        worker!.postMessage({ id, request } satisfies WorkerRequest);
      });
    },
    cancel,
  };
}
