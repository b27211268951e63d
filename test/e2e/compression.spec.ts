import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { expect, test } from '@playwright/test';

// The real build, served by the real server: every script, style sheet and the bank goes out
// precompressed. (test/server/static.test.ts covers the server's choice of encoding in detail.)
const assets = readdirSync('dist/assets').filter((name) => /\.(js|css|json)$/.test(name));

function rawGet(url: string, acceptEncoding: string) {
  return new Promise<{ encoding: string | undefined; vary: unknown; length: number }>(
    (resolve, reject) => {
      get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        let length = 0;
        res.on('data', (chunk: Buffer) => (length += chunk.length));
        res.on('end', () =>
          resolve({
            encoding: res.headers['content-encoding'],
            vary: res.headers['vary'],
            length,
          }),
        );
      }).on('error', reject);
    },
  );
}

test('the server sends every built script, style sheet and the bank as brotli or gzip', async ({
  baseURL,
}) => {
  expect(assets.some((name) => name.startsWith('questions-') && name.endsWith('.json'))).toBe(true);
  for (const name of assets) {
    const raw = readFileSync(`dist/assets/${name}`).length;
    if (raw < 1024) continue; // too small to gain; sent as it is
    for (const [accept, encoding, suffix] of [
      ['br, gzip', 'br', '.br'],
      ['gzip', 'gzip', '.gz'],
    ] as const) {
      const res = await rawGet(`${baseURL}/assets/${name}`, accept);
      expect(res.encoding, `${name} with Accept-Encoding: ${accept}`).toBe(encoding);
      expect(res.vary).toBe('Accept-Encoding');
      expect(res.length).toBe(readFileSync(`dist/assets/${name}${suffix}`).length);
    }
  }
});

test('pages and the web manifest go out compressed too', async ({ baseURL }) => {
  for (const path of ['/', '/quiz', '/manifest.webmanifest']) {
    const res = await rawGet(`${baseURL}${path}`, 'br, gzip');
    expect(res.encoding, path).toBe('br');
  }
});
