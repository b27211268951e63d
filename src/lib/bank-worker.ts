// The Web Worker that reads, checks and stores banks off the page's thread (see bank-import.ts).
import { createBankLibrary } from './bank-library';
import {
  runImport,
  type ImportOutcome,
  type ImportProgress,
  type ImportRequest,
} from './bank-import';

export type WorkerRequest = { id: number; request: ImportRequest };
export type WorkerMessage =
  | { id: number; type: 'progress'; progress: ImportProgress }
  | { id: number; type: 'done'; outcome: ImportOutcome };

const library = createBankLibrary();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  const post = (message: WorkerMessage) => scope.postMessage(message);
  runImport(request, {
    library,
    fetch: (url, init) => fetch(url, init),
    onProgress: (progress) => post({ id, type: 'progress', progress }),
  })
    .catch((error: unknown): ImportOutcome => ({
      status: 'failed',
      message: `The bank could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    }))
    .then((outcome) => post({ id, type: 'done', outcome }));
};
