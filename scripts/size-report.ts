// Prints every built chunk's raw and gzip size and fails if the JavaScript needed to render `/`
// (the entry chunk and everything it imports statically) is over budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

export const ENTRY_BUDGET_BYTES = 100 * 1024;

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);

const dist = 'dist';
const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')),
);
const gzipSize = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const files = readdirSync(join(dist, 'assets'))
  .filter((name) => !/\.(br|gz)$/.test(name))
  .map((name) => `assets/${name}`);
const rows = files
  .map((file) => ({ file, raw: statSync(join(dist, file)).size, gzip: gzipSize(file) }))
  .sort((a, b) => b.gzip - a.gzip);
console.log('\nBuild size report');
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const row of rows)
  console.log(`${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}`);

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('the build manifest has no entry chunk');
const needed = new Set<string>();
const visit = (key: string) => {
  const chunk = manifest[key];
  if (!chunk || needed.has(chunk.file)) return;
  needed.add(chunk.file);
  chunk.imports?.forEach(visit);
};
visit(entryKey);
const entryTotal = [...needed]
  .filter((f) => f.endsWith('.js'))
  .reduce((sum, f) => sum + gzipSize(f), 0);
console.log(
  `\nJavaScript needed to render /: ${kb(entryTotal)} gzip (budget ${kb(ENTRY_BUDGET_BYTES)})`,
);
if (entryTotal > ENTRY_BUDGET_BYTES) {
  console.error(
    `Over budget by ${kb(entryTotal - ENTRY_BUDGET_BYTES)}: lazy-load more of the app.`,
  );
  process.exit(1);
}
