// A module worker built as part of the app, not as a bundle of its own. Vite's `new Worker(new
// URL(…))` builds each worker separately, so the bank checker carried its own copies of zod,
// papaparse and the loader (27 KB gzip of the 300 KB budget). Emitted as one more entry chunk of
// the app's build, the worker imports the very chunks the pages use, and the browser and the
// service worker's cache hold them once.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * `import url from 'virtual:worker-url/<path from the project root>'` gives the URL to start the
 * worker with (`new Worker(url, { type: 'module' })`): the emitted chunk in a build, the source
 * file under `npm run dev` and in tests.
 */
export function workerChunkPlugin(): Plugin {
  const prefix = 'virtual:worker-url/';
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let serving = false;
  return {
    name: 'worker-chunk',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      if (id.startsWith(prefix)) return `\0${id}`;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return;
      const path = id.slice(prefix.length + 1);
      if (serving) return `export default ${JSON.stringify(`/${path}`)};`;
      const ref = this.emitFile({ type: 'chunk', id: root + path });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
