/**
 * `npm run lighthouse`: builds the app, starts the production server on a free port, and runs
 * Lighthouse's mobile preset (its default: Moto G Power screen, simulated slow 4G and a 4× slower
 * CPU) in Chromium on every route, as a first-time visitor (Lighthouse clears the origin's storage,
 * service worker included, before each run). Prints each route's scores with LCP, TBT and the bytes
 * transferred, and exits 1 if any route is under the targets. Not part of `npm test`: scores move
 * with the machine's load, so the load average is printed with the table.
 *
 * Options: --no-build (use the existing dist/), --runs N (median of N runs per route, by performance
 * score), --routes /,/quiz (a subset).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { SHELL_ROUTES } from './build/shells';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { freePort } from './temp-redis';

// Every route with a first screen of its own (a prerendered shell).
const ROUTES = SHELL_ROUTES.map((route) => route.path);
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

// Headless, with the flags the browser tests use on Debian's Chromium (no sandbox in containers,
// nothing that reaches for the network on its own and so disturbs the timings).
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

interface RouteResult {
  route: string;
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  bytes: number;
}

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    routes: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs) || 1);
const routes = values.routes ? values.routes.split(',') : ROUTES;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error('the server did not answer /healthz within 30 s');
}

async function audit(url: string, chromePort: number): Promise<Omit<RouteResult, 'route'>> {
  const result = await lighthouse(url, {
    port: chromePort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  mkdirSync('.lighthouse', { recursive: true });
  const name = new URL(url).pathname.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
  writeFileSync(`.lighthouse/${name}.json`, JSON.stringify(lhr, null, 1));
  return {
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    bytes: numeric('total-byte-weight'),
  };
}

function median(results: Omit<RouteResult, 'route'>[]) {
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(results: RouteResult[]) {
  const header = ['route', 'perf', 'a11y', 'best pr.', 'LCP', 'TBT', 'transferred'];
  const rows = results.map((r) => [
    r.route,
    String(r.scores.performance),
    String(r.scores.accessibility),
    String(r.scores['best-practices']),
    `${(r.lcpMs / 1000).toFixed(1)} s`,
    `${Math.round(r.tbtMs)} ms`,
    `${(r.bytes / 1024).toFixed(1)} KB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd : cell.padStart).call(cell, widths[i]!))
        .join('  '),
    );
}

async function main() {
  if (!values['no-build']) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const chromePath = findChromium();
  if (!chromePath) throw new Error('No Chromium found (see scripts/chromium.mjs).');

  console.log(`\nLoad average before (1, 5, 15 min): ${load()}`);
  const port = await freePort();
  const server = await startServer(port);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  const results: RouteResult[] = [];
  try {
    for (const route of routes) {
      const attempts = [];
      for (let i = 0; i < runs; i++)
        attempts.push(await audit(`http://127.0.0.1:${port}${route}`, chrome.port));
      results.push({ route, ...median(attempts) });
    }
  } finally {
    chrome.kill();
    server.kill();
  }

  console.log(
    `\nLighthouse 12.2.3, mobile preset, ${runs === 1 ? 'one run' : `median of ${runs} runs`} per route`,
  );
  printTable(results);
  console.log(`Load average after (1, 5, 15 min): ${load()}`);
  console.log('Full reports: .lighthouse/<route>.json');

  const misses = results.flatMap((r) =>
    CATEGORIES.filter((c) => r.scores[c] < TARGETS[c]).map(
      (c) => `${r.route}: ${c} ${r.scores[c]} < ${TARGETS[c]}`,
    ),
  );
  if (misses.length > 0) {
    console.error(`\nUnder target:\n${misses.join('\n')}`);
    process.exit(1);
  }
  console.log(
    '\nEvery route meets the targets (performance ≥ 95, accessibility and best practices 100).',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
