// Writes a prerendered HTML shell for each route into the client build, before the service
// worker is generated (so it precaches them) and before compression (so they are compressed).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, type Manifest, type Plugin } from 'vite';
import { workerChunkPlugin } from './worker-chunk.ts';
import {
  buildShell,
  FALLBACK_SHELL,
  inlineStyleSheet,
  preloadsFor,
  SHELL_ROUTES,
  type Rendered,
} from './shells.ts';

interface Renderer {
  renderRoute(path: string): Promise<string>;
  renderFallback(): Promise<string>;
}

/** Renders with the app's own modules, loaded through Vite (so CSS and `?url` imports resolve). */
async function render(root: string): Promise<{ routes: Rendered[]; fallback: Rendered }> {
  const server = await createServer({
    root,
    configFile: false,
    // Only what the app's modules need to load: the worker's address (resolved to its source).
    plugins: [workerChunkPlugin()],
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const app = (await server.ssrLoadModule('/src/prerender.tsx')) as Renderer;
    const routes: Rendered[] = [];
    for (const { path } of SHELL_ROUTES) routes.push({ path, html: await app.renderRoute(path) });
    return { routes, fallback: { path: null, html: await app.renderFallback() } };
  } finally {
    await server.close();
  }
}

export function prerenderPlugin(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'kst:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      // Before vite-plugin-pwa's closeBundle (which builds the service worker's precache list).
      order: 'pre',
      sequential: true,
      async handler() {
        const manifest = JSON.parse(
          readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
        ) as Manifest;
        // The app's own style sheet goes inside every page (see inlineStyleSheet).
        const entryCss = Object.values(manifest).find((chunk) => chunk.isEntry)?.css ?? [];
        let template = readFileSync(join(outDir, 'index.html'), 'utf8');
        for (const css of entryCss)
          template = inlineStyleSheet(template, `/${css}`, readFileSync(join(outDir, css), 'utf8'));
        const { routes, fallback } = await render(root);
        SHELL_ROUTES.forEach((route, i) => {
          const html = buildShell(template, routes[i]!, preloadsFor(manifest, route.page));
          writeFileSync(join(outDir, route.file), html);
        });
        writeFileSync(
          join(outDir, FALLBACK_SHELL),
          buildShell(template, fallback, preloadsFor(manifest, undefined)),
        );
        this.info(`prerendered ${SHELL_ROUTES.map((r) => r.path).join(' ')} and ${FALLBACK_SHELL}`);
      },
    },
  };
}
