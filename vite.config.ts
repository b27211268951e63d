/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compressPlugin } from './scripts/build/compress.ts';
import { prerenderPlugin } from './scripts/build/prerender.ts';
import { workerChunkPlugin } from './scripts/build/worker-chunk.ts';

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
  plugins: [
    react(),
    bankSchema(),
    workerChunkPlugin(),
    // Writes the route shells before the service worker's precache list is made (closeBundle
    // order: pre, then vite-plugin-pwa, then compression last, over every file).
    prerenderPlugin(),
    VitePWA({
      // We register it ourselves (src/lib/service-worker.ts), lazily, and ask before updating.
      injectRegister: false,
      registerType: 'prompt',
      // public/manifest.webmanifest is the one manifest.
      manifest: false,
      workbox: {
        // The app shell, every route's chunks and shell, the bank, the manifest and the icons.
        globPatterns: ['**/*.{js,css,html,json,webmanifest,svg,png}'],
        globIgnores: ['**/*.{br,gz}'],
        // A route with a shell of its own gets it from the precache (`/quiz` finds quiz.html);
        // any other page gets the generic shell. Live sessions and the API are never cached.
        navigateFallback: '/shell.html',
        navigateFallbackDenylist: [/^\/(api|live|healthz)(\/|$)/],
        // `/quiz?count=5&start=1` is the quiz page: its query is for the app, not for the cache.
        ignoreURLParametersMatching: [/./],
        cleanupOutdatedCaches: true,
        // Never swap versions under a learner: a new worker waits until they choose to reload.
        skipWaiting: false,
        // The first worker takes charge of the page that installed it (nothing runs yet to be
        // swapped), so that page works offline at once and later versions wait for it.
        clientsClaim: true,
      },
    }),
    compressPlugin(),
  ],
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
    // A limit against hangs, not a speed check: on a busy 2-core CI machine a component test that
    // loads lazy routes can pass 5 s (Vitest's default) without anything being wrong.
    testTimeout: 15_000,
  },
});
