// Prints every built file's raw and gzip size, then three totals, and fails above their budgets:
// - the JavaScript needed to render `/` (the entry chunk and its static imports);
// - the JavaScript `/` has loaded once idle: that, the chunks it imports after the first paint
//   (the service-worker registration) and the service worker itself with its Workbox runtime;
// - all JavaScript, CSS and the built-in bank.
// It also writes dist/size-report.json, which a browser test compares with what `/` really fetches,
// so the idle list below cannot silently fall out of date.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { gzip } from './build/compress';
import { staticClosure } from './build/shells';

export const RENDER_BUDGET_BYTES = 100 * 1024;
export const IDLE_BUDGET_BYTES = 100 * 1024;
export const TOTAL_BUDGET_BYTES = 300 * 1024;

/**
 * Modules `/` imports on its own once it has rendered (see App). The start-up checks are not among
 * them: they run on the first page that uses saved progress (see Layout).
 */
const IDLE_IMPORTS = ['src/lib/service-worker.ts'];

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    src: z.string().optional(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);

const dist = 'dist';
const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')),
);
// Measured with the build's own gzip (the .gz copies the server sends).
const gzipSize = (file: string) => gzip(readFileSync(join(dist, file))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const isCompressedCopy = (name: string) => /\.(br|gz)$/.test(name);
// The service worker and its Workbox runtime sit at the root; everything else under assets/.
const workerFiles = readdirSync(dist).filter(
  (name) => /^(sw|workbox-[\w-]+)\.js$/.test(name) && !isCompressedCopy(name),
);
const assetFiles = readdirSync(join(dist, 'assets'))
  .filter((name) => !isCompressedCopy(name))
  .map((name) => `assets/${name}`);
const files = [...assetFiles, ...workerFiles];
const rows = files
  .map((file) => ({ file, raw: statSync(join(dist, file)).size, gzip: gzipSize(file) }))
  .sort((a, b) => b.gzip - a.gzip);
const gzipOf = new Map(rows.map((row) => [row.file, row.gzip]));

console.log('\nBuild size report');
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const row of rows)
  console.log(`${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}`);

/** Chunk files reachable from `keys` through static imports. */
const closure = (keys: string[]) =>
  new Set([...staticClosure(manifest, keys)].map((key) => manifest[key]!.file));

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('the build manifest has no entry chunk');
for (const key of IDLE_IMPORTS)
  if (!manifest[key])
    throw new Error(`${key} is no longer a chunk of its own: update IDLE_IMPORTS`);

const js = (set: Iterable<string>) => [...set].filter((file) => file.endsWith('.js')).sort();
const sum = (list: string[]) => list.reduce((total, file) => total + (gzipOf.get(file) ?? 0), 0);

const render = js(closure([entryKey]));
const idle = js(new Set([...render, ...closure(IDLE_IMPORTS), ...workerFiles]));
const shipped = files.filter(
  (file) => /\.(js|css)$/.test(file) || /^assets\/questions-/.test(file),
);

const totals = [
  { label: 'JavaScript needed to render /', files: render, budget: RENDER_BUDGET_BYTES },
  { label: 'JavaScript / has loaded once idle', files: idle, budget: IDLE_BUDGET_BYTES },
  { label: 'All JavaScript, CSS and the bank', files: shipped, budget: TOTAL_BUDGET_BYTES },
].map((total) => ({ ...total, gzip: sum(total.files) }));

console.log('');
for (const total of totals)
  console.log(
    `${`${total.label}:`.padEnd(36)} ${kb(total.gzip).padStart(9)} gzip (budget ${kb(total.budget)})`,
  );

writeFileSync(
  join(dist, 'size-report.json'),
  `${JSON.stringify({ render, idle, shipped, totals: totals.map(({ label, gzip, budget }) => ({ label, gzip, budget })) }, null, 2)}\n`,
);

const over = totals.filter((total) => total.gzip > total.budget);
for (const total of over)
  console.error(`${total.label} is over budget by ${kb(total.gzip - total.budget)}.`);
if (over.length > 0) process.exit(1);
