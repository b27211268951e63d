import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/temp-redis';
import { Client, request } from './live-harness';
import type { CreateSessionRequest, JoinCode } from '../../src/domain/live-protocol';

/**
 * Server processes for the tests across processes: each one `server/index.ts` in a child process
 * of its own (live only, no build), on a free loopback port, sharing the test's Redis. Real
 * processes, so a test can SIGKILL one.
 */
export interface ServerProcess {
  name: string;
  port: number;
  http: string;
  ws: string;
  child: ChildProcess;
  /** What the process printed, for the message of a failing test. */
  output: string[];
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
  connect(): Promise<Client>;
  /** Sends the signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Polls `check` until it gives a value, for at most `timeoutMs`: waiting for a condition. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until)
      throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function spawnServer(
  name: string,
  redisUrl: string,
  env: Record<string, string> = {},
  /** A port to take again (a process coming back where it was); a free one otherwise. */
  onPort?: number,
): Promise<ServerProcess> {
  const port = onPort ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--live-only'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      REDIS_URL: redisUrl,
      SESSIONS_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output: string[] = [];
  child.stdout?.on('data', (data) => output.push(`[${name}] ${String(data).trimEnd()}`));
  child.stderr?.on('data', (data) => output.push(`[${name}] ${String(data).trimEnd()}`));
  const http = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    name,
    port,
    http,
    ws: `ws://127.0.0.1:${port}/live`,
    child,
    output,
    async health() {
      const res = await fetch(`${http}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    connect: () => Client.connect(`ws://127.0.0.1:${port}/live`),
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
  await waitFor(
    `${name} to answer /healthz with 200 (output: ${output.join('\n')})`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited: ${output.join('\n')}`);
      return (await server.health()).status === 200;
    },
    30_000,
  );
  return server;
}

export async function createSession(
  server: ServerProcess,
  body: CreateSessionRequest,
): Promise<{ code: JoinCode; hostToken: string }> {
  const res = await fetch(`${server.http}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { code: JoinCode; hostToken: string };
}

export async function hostOn(server: ServerProcess, code: JoinCode, hostToken: string) {
  const host = await server.connect();
  await request(host, { type: 'host-hello', code, hostToken }, 'host-view');
  return host;
}

export async function joinOn(server: ServerProcess, code: JoinCode, name: string) {
  const client = await server.connect();
  const welcome = await request(client, { type: 'join', code, name }, 'welcome');
  return { client, welcome, name };
}
