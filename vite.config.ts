/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compressPlugin } from './scripts/build/compress.ts';
import { prerenderPlugin } from './scripts/build/prerender.ts';

// `npm run dev` runs the live-session server beside Vite (scripts/dev.mjs); Vite forwards to it.
// The Host header is kept (changeOrigin: false) so the server's same-origin check sees the page's
// own origin, as it does in production.
const live = { target: `http://127.0.0.1:${process.env.LIVE_PORT ?? 8787}`, changeOrigin: false };

export default defineConfig({
  plugins: [
    react(),
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
  },
});
