import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressDir } from '../../scripts/build/compress';

const text = (n: number) => 'const answer = "ClusterIP";\n'.repeat(n);

describe('compressDir', () => {
  it('writes brotli and gzip copies of every text file the server sends, nested ones too', () => {
    const dist = mkdtempSync(join(tmpdir(), 'kst-compress-'));
    mkdirSync(join(dist, 'assets'));
    const files = {
      'index.html': `<!doctype html>${text(40)}`,
      'quiz.html': `<!doctype html>${text(41)}`,
      'manifest.webmanifest': JSON.stringify({ name: text(20) }),
      'sw.js': text(30),
      'assets/index-abc.js': text(50),
      'assets/index-abc.css': `body{color:red}\n`.repeat(60),
      'assets/questions-abc.json': JSON.stringify({ questions: [text(30)] }),
      'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(100)}</svg>`,
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dist, name), content);

    const report = compressDir(dist);

    expect(report.map((r) => r.file.replaceAll('\\', '/'))).toEqual(Object.keys(files).sort());
    for (const [name, content] of Object.entries(files)) {
      const path = join(dist, name);
      expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(content);
      expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(content);
    }
  });

  it('leaves binary files, build metadata and files too small to gain alone', () => {
    const dist = mkdtempSync(join(tmpdir(), 'kst-compress-'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify({ a: text(40) }));
    writeFileSync(join(dist, 'icon-192.png'), Buffer.alloc(4000, 7));
    writeFileSync(join(dist, 'tiny.js'), 'x()');

    const report = compressDir(dist);

    expect(report).toEqual([{ file: 'tiny.js', raw: 3, br: null, gzip: null }]);
    for (const name of ['.vite/manifest.json', 'icon-192.png', 'tiny.js'])
      for (const suffix of ['.br', '.gz'])
        expect(existsSync(join(dist, name + suffix))).toBe(false);
  });
});
