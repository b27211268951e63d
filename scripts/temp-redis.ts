/**
 * A Redis server of our own for tests and the benchmark: Debian's `redis-server` on a free
 * loopback port, its data in a fresh temporary folder, stopped (and the folder removed) by `stop`.
 *
 * It keeps an append-only file, as production should, so `restart` brings back what it held.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface TempRedis {
  url: string;
  port: number;
  dir: string;
  /** Stops Redis cleanly (it writes its append-only file) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops Redis cleanly and keeps it stopped until `start`. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** Stops Redis for good and removes its folder. */
  stop(): Promise<void>;
  /** The same, at once and without waiting (a process that must exit now). */
  kill(): void;
  /** The running redis-server's process id, or null when it is stopped. */
  pid(): number | null;
}

export interface TempRedisOptions {
  /** `always` (every write on disk before Redis answers) or `everysec`. */
  appendfsync?: 'always' | 'everysec';
}

const INSTALL_HINT =
  'redis-server was not found. The tests and `npm run bench:live -- --redis` start their own ' +
  'Redis: install it with `sudo apt-get install redis-server` (Debian/Ubuntu), or put ' +
  'redis-server on PATH.';

export function findRedisServer(): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
    '/usr/bin/redis-server',
    '/usr/sbin/redis-server',
  ];
  const found = candidates.find((path) => path !== 'redis-server' && existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once Redis answers PING with PONG on `port`, or rejects after `timeoutMs`. */
async function waitForPong(port: number, child: ChildProcess, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.setTimeout(500);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(String(data).startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startTempRedis(options: TempRedisOptions = {}): Promise<TempRedis> {
  const binary = findRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'kst-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;

  const launch = async () => {
    const started = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        options.appendfsync ?? 'everysec',
        '--logfile',
        join(dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    running.add(started);
    started.once('exit', () => running.delete(started));
    child = started;
    await waitForPong(port, started);
  };

  const halt = async () => {
    const stopping = child;
    child = null;
    if (!stopping || stopping.exitCode !== null) return;
    const exited = new Promise((resolve) => stopping.once('exit', resolve));
    // SIGTERM: Redis writes its append-only file and exits.
    stopping.kill('SIGTERM');
    await exited;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    restart: async () => {
      await halt();
      await launch();
    },
    halt,
    start: launch,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => {
      child?.kill('SIGKILL');
      child = null;
      rmSync(dir, { recursive: true, force: true });
    },
    pid: () => child?.pid ?? null,
  };
}
