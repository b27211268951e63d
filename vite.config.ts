/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `npm run dev` runs the live-session server beside Vite (scripts/dev.mjs); Vite forwards to it.
// The Host header is kept (changeOrigin: false) so the server's same-origin check sees the page's
// own origin, as it does in production.
const live = { target: `http://127.0.0.1:${process.env.LIVE_PORT ?? 8787}`, changeOrigin: false };

/**
 * Serves the bank JSON Schema at `/questions.schema.json` (in the build and in `npm run dev`), so a
 * bank's `$schema` can point at the app and an author's editor checks it while they type. The file
 * is data/questions.schema.json, generated from the zod schema by `npm run gen-schema`.
 */
function bankSchema(): Plugin {
  const file = 'questions.schema.json';
  const read = () => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');
  return {
    name: 'bank-json-schema',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: read() });
    },
    configureServer(server) {
      server.middlewares.use(`/${file}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/schema+json; charset=utf-8');
        res.end(read());
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), bankSchema()],
  // The bank checker runs as a module worker, with code split like the app's.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/live': { ...live, ws: true },
      '/api': live,
      '/healthz': live,
    },
  },
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // Domain tests run in node; UI tests opt into jsdom with `// @vitest-environment jsdom`.
    environment: 'node',
  },
});
