import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from '../../scripts/build/compress';
import { staticHandler } from '../../server/static';

let server: Server;
let base: string;

// Big and repetitive enough that both encodings are much smaller than the file.
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const bank = JSON.stringify({
  title: 'bank',
  questions: Array(200).fill({ prompt: 'A scenario' }),
});
const page = `<!doctype html><title>app</title>${'<p>Kube Service Trainer</p>'.repeat(50)}`;
const quizShell = `<!doctype html><title>Quiz</title>${'<p>Loading questions…</p>'.repeat(50)}`;
const fallbackShell = '<!doctype html><title>shell</title><p>Loading…</p>';

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kst-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), page);
  writeFileSync(join(dist, 'quiz.html'), quizShell);
  writeFileSync(join(dist, 'shell.html'), fallbackShell);
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), script);
  writeFileSync(join(dist, 'assets', 'questions-abc123.json'), bank);
  compressDir(dist);
  server = createServer(staticHandler(dist));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET: fetch would decode the body and hide which encoding was sent. */
function rawGet(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    },
  );
}

describe('production static server', () => {
  it('serves each route its prerendered shell, with or without a query or a trailing slash', async () => {
    const shells = {
      '/': page,
      '/quiz': quizShell,
      '/quiz?count=5&start=1': quizShell,
      '/quiz/': quizShell,
    };
    for (const [path, html] of Object.entries(shells)) {
      const res = await fetch(base + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toBe(html);
    }
  });

  it('serves the generic shell for other pages, so the client router answers them', async () => {
    for (const path of ['/join/ABC123', '/team/host/ABC123', '/no/such/page']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(fallbackShell);
    }
  });

  it('serves hashed assets with a long cache and pages with no-cache', async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/quiz`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404, not with the HTML page', async () => {
    const res = await fetch(`${base}/assets/old-chunk-zzz.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('answers any missing file with 404: one outside /assets/, or one under it without an extension', async () => {
    for (const path of ['/icons/gone-512.png', '/workbox-old.js', '/assets/old-chunk']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toBe('Not found');
    }
  });
});

describe('compressed responses', () => {
  const files = [
    { path: '/assets/app-abc123.js', text: script, type: 'text/javascript' },
    { path: '/assets/questions-abc123.json', text: bank, type: 'application/json' },
    { path: '/', text: page, type: 'text/html' },
    { path: '/quiz', text: quizShell, type: 'text/html' },
  ];

  it.each(files)('sends $path as brotli to a browser that accepts it', async (file) => {
    const res = await rawGet(file.path, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toContain(file.type);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(file.text) / 2);
    expect(brotliDecompressSync(res.body).toString()).toBe(file.text);
  });

  it.each(files)('sends $path as gzip to a browser without brotli', async (file) => {
    const res = await rawGet(file.path, 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toContain(file.type);
    expect(gunzipSync(res.body).toString()).toBe(file.text);
  });

  it.each(['', 'identity', undefined])(
    'sends the file as it is to a client that accepts neither (%s)',
    async (acceptEncoding) => {
      for (const file of files) {
        const res = await rawGet(file.path, acceptEncoding);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers['vary']).toBe('Accept-Encoding');
        expect(res.body.toString()).toBe(file.text);
      }
    },
  );

  it('keeps the long cache on a compressed asset, and a 304 for its own ETag', async () => {
    const first = await rawGet('/assets/app-abc123.js', 'br');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(first.headers['etag']);
    const again = await new Promise<number>((resolve) =>
      get(
        `${base}/assets/app-abc123.js`,
        { headers: { 'accept-encoding': 'br', 'if-none-match': etag } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ),
    );
    expect(again).toBe(304);
  });
});
