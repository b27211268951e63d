/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressPlugin } from './scripts/build/compress.ts';
import { prerenderPlugin } from './scripts/build/prerender.ts';

// `npm run dev` runs the live-session server beside Vite (scripts/dev.mjs); Vite forwards to it.
// The Host header is kept (changeOrigin: false) so the server's same-origin check sees the page's
// own origin, as it does in production.
const live = { target: `http://127.0.0.1:${process.env.LIVE_PORT ?? 8787}`, changeOrigin: false };

export default defineConfig({
  plugins: [react(), prerenderPlugin(), compressPlugin()],
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
