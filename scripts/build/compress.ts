// Brotli and gzip copies of every text file the server sends, made once at build time so the
// server (sirv) picks the smallest encoding a browser accepts without compressing per request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Scripts, style sheets, pages, the bank and its schema, the web manifest and the icon. */
export const COMPRESSIBLE = ['.js', '.mjs', '.css', '.html', '.json', '.webmanifest', '.svg'];

export interface Compressed {
  file: string;
  raw: number;
  /** Size of the .br / .gz copy, or null where it would not be smaller than the file itself. */
  br: number | null;
  gzip: number | null;
}

export function brotli(data: Buffer): Buffer {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export const gzip = (data: Buffer): Buffer => gzipSync(data, { level: 9 });

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`. */
export function compressDir(dir: string): Compressed[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => COMPRESSIBLE.includes(extname(file)))
    // Build metadata (.vite/manifest.json) is never served.
    .filter((file) => !file.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    const raw = readFileSync(path);
    // A copy that is not smaller (a tiny file) would only cost the browser a decode.
    const write = (suffix: string, data: Buffer) => {
      if (data.length >= raw.length) return null;
      writeFileSync(path + suffix, data);
      return data.length;
    };
    return { file, raw: raw.length, br: write('.br', brotli(raw)), gzip: write('.gz', gzip(raw)) };
  });
}

/**
 * Compresses the client build's output once everything else has written to it (the prerendered
 * pages and the service worker included), so every file the server sends has its copies.
 */
export function compressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kst:compress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const results = compressDir(outDir);
        const sum = (pick: (c: Compressed) => number | null) =>
          results.reduce((total, c) => total + (pick(c) ?? c.raw), 0);
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        this.info(
          `compressed ${results.length} files: ${kb(sum((c) => c.raw))} raw, ` +
            `${kb(sum((c) => c.gzip))} gzip, ${kb(sum((c) => c.br))} brotli`,
        );
      },
    },
  };
}
