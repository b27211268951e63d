/**
 * `npm run bench:live [-- --participants N --workers W --questions Q --timeout S
 *                        --processes P --sessions S --redis --fsync always|everysec]`
 *
 * Load test of live-session server processes over loopback, bounded in count and time: starts P
 * servers (live only, no build needed; P > 1 needs --redis, which starts a Redis of its own in a
 * temporary folder) as child processes, creates S sessions, joins N simulated participants from W
 * worker processes (so the load generator is not the bottleneck), plays Q questions in which every
 * participant answers after a seeded think time, and ends.
 *
 * Participant n connects to server n % P and joins session floor(n / P) % S, so every session has
 * people on every server; session s is created on, and hosted from, server s % P.
 *
 * Prints the join time; question and reveal delivery to all participants (p50/p95/p99); answers
 * lost; the servers' RSS per connection; and, as its LAST line, one JSON object with those figures.
 *
 * - question delivery: from the hosts sending start/next to each participant receiving `question`;
 * - reveal delivery: from the last answer of the question in that session being sent (the one that
 *   completes the room and so triggers the reveal) to each participant receiving `reveal`;
 * - answers lost: answers sent without an ack, or missing from the server's export at the end;
 * - RSS per connection: the servers' resident memory growth from before the first join to after
 *   the last, divided by N (sockets plus everything the sessions keep per person).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { parseServerMessage, type HostView, type ServerMessage } from '../src/domain/live-protocol';
import type { FromWorker, ToWorker } from './bench-live-worker';
import { freePort, startTempRedis, type TempRedis } from './temp-redis';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number of at least 1`);
    process.exit(2);
  }
  return value;
};
const N = option('participants', 2000);
const WORKERS = Math.min(option('workers', 2), N);
const QUESTIONS = option('questions', 5);
const TIMEOUT_S = option('timeout', 240);
const PROCESSES = option('processes', 1);
const SESSIONS = Math.min(option('sessions', 1), N);
const REDIS = args.includes('--redis');
const FSYNC = args.includes('--fsync') ? args[args.indexOf('--fsync') + 1] : 'everysec';
const THINK_MS: [number, number] = [200, 2000];
const JOIN_CONCURRENCY = 100;

if (PROCESSES > 1 && !REDIS) {
  console.error('--processes above 1 needs --redis: processes share sessions through Redis.');
  process.exit(2);
}
if (FSYNC !== 'always' && FSYNC !== 'everysec') {
  console.error('--fsync must be "always" or "everysec".');
  process.exit(2);
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
let redis: TempRedis | null = null;

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  redis?.kill();
  redis = null;
}

// The hard limit: whatever happens, the run ends by itself.
const hardStop = setTimeout(() => {
  console.error(`bench:live: no result within ${TIMEOUT_S} s; stopping.`);
  stopAll();
  console.log(JSON.stringify({ error: `timeout after ${TIMEOUT_S} s`, participants: N }));
  process.exit(1);
}, TIMEOUT_S * 1000);
hardStop.unref();

/** The server runs exactly as `npm run serve` runs it (node flags included), but as our child. */
function serveArgs(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const [node, ...rest] = String(pkg.scripts.serve).split(/\s+/);
  if (node !== 'node') throw new Error('expected the "serve" script to start with "node"');
  return rest;
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time a process has used so far, in seconds (user + system, from /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)) };
}

async function waitForHealth(base: string, server: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error('the server exited at start');
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not answer /healthz within 30 s');
}

interface Server {
  base: string;
  url: string;
  child: ChildProcess;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serveArgs(), '--live-only'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      MAX_PARTICIPANTS: String(N),
      MAX_SESSIONS: String(Math.max(200, SESSIONS)),
      SESSIONS_PER_MINUTE: String(Math.max(10, SESSIONS)),
      ...(redis ? { REDIS_URL: redis.url } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child);
  return { base, url: `ws://127.0.0.1:${port}/live`, child };
}

/** The host: a WebSocket whose messages (host views, progress) are parsed like the app does. */
function connectHost(url: string, code: string, hostToken: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] =
    [];
  ws.on('message', (data) => {
    const parsed = parseServerMessage(String(data));
    if (!parsed.ok) throw new Error(`the server sent the host an invalid message: ${parsed.error}`);
    const message = parsed.message;
    if (message.type === 'error') console.error('host got an error:', message);
    for (const w of [...waiters])
      if (w.test(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
  });
  /** The next host view that passes `test`. */
  const view = (test: (v: HostView) => boolean) =>
    new Promise<HostView>((resolve) =>
      waiters.push({
        test: (m) => m.type === 'host-view' && test(m.view),
        resolve: (m) => resolve((m as Extract<ServerMessage, { type: 'host-view' }>).view),
      }),
    );
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  }).then(async () => {
    const first = view(() => true);
    ws.send(JSON.stringify({ type: 'host-hello', code, hostToken }));
    await first;
  });
  return { ws, ready, view, send: (m: object) => ws.send(JSON.stringify(m)) };
}

type Host = ReturnType<typeof connectHost>;

async function createSession(server: Server): Promise<{ code: string; hostToken: string }> {
  const created = await fetch(`${server.base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      bank: { kind: 'builtin' },
      selection: { kind: 'seed', count: QUESTIONS, seed: 'bench' },
      // A generous timer: every question should close because everyone answered.
      settings: { secondsPerQuestion: 120, scoring: 'speed', lateJoin: true },
    }),
  });
  if (created.status !== 201)
    throw new Error(`could not create a session: ${await created.text()}`);
  return (await created.json()) as { code: string; hostToken: string };
}

/** How many participants join session s (participant n joins floor(n / P) % S). */
function sessionSize(s: number): number {
  let size = 0;
  for (let n = 0; n < N; n++) if (Math.floor(n / PROCESSES) % SESSIONS === s) size++;
  return size;
}

async function main() {
  console.log(
    `bench:live: ${N} participants in ${SESSIONS} session(s) on ${PROCESSES} server process(es)` +
      `${REDIS ? ` sharing one Redis (appendfsync ${FSYNC})` : ' (in memory)'}, from ${WORKERS} ` +
      `worker processes, ${QUESTIONS} questions, think time ${THINK_MS[0]}-${THINK_MS[1]} ms; ` +
      `${cpus().length} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  if (REDIS) redis = await startTempRedis({ appendfsync: FSYNC as 'always' | 'everysec' });
  const servers = await Promise.all(Array.from({ length: PROCESSES }, () => startServer()));
  const rssServers = () => servers.reduce((sum, s) => sum + rssMB(s.child.pid!), 0);

  const sessions: { code: string; host: Host; size: number }[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const server = servers[s % PROCESSES]!;
    const { code, hostToken } = await createSession(server);
    const host = connectHost(server.url, code, hostToken);
    await host.ready;
    sessions.push({ code, host, size: sessionSize(s) });
  }

  const workers = Array.from({ length: WORKERS }, () =>
    fork(fileURLToPath(new URL('./bench-live-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  children.push(...workers);
  const inbox: FromWorker[] = [];
  const listeners = new Set<() => void>();
  for (const worker of workers)
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'error') console.error(message.message);
      inbox.push(message);
      for (const listener of [...listeners]) listener();
    });
  const collect = <T extends FromWorker>(test: (m: FromWorker) => m is T): Promise<T[]> =>
    new Promise((resolve) => {
      const look = () => {
        const found = inbox.filter(test);
        if (found.length < WORKERS) return;
        listeners.delete(look);
        resolve(found);
      };
      listeners.add(look);
      look();
    });

  // Let the servers settle, then take their memory before anyone joins.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssBefore = rssServers();

  const everyone = Promise.all(
    sessions.map((s) => s.host.view((v) => v.participants.length === s.size)),
  );
  for (const worker of workers) {
    const setup: ToWorker = {
      type: 'setup',
      urls: servers.map((s) => s.url),
      codes: sessions.map((s) => s.code),
      concurrency: JOIN_CONCURRENCY,
      thinkMs: THINK_MS,
      seed: 'bench',
    };
    worker.send(setup);
  }
  // Two batches, each split over the workers: half the room, then the rest. The memory taken
  // between the two is the cost of one more connection, without start-up costs (code compiled,
  // heap grown) that the first joins pay.
  const half = Math.floor(N / 2);
  const joinBatch = async (first: number, count: number) => {
    inbox.length = 0;
    const per = Math.ceil(count / WORKERS);
    workers.forEach((worker, w) => {
      const message: ToWorker = {
        type: 'join',
        first: first + w * per,
        count: Math.max(0, Math.min(per, count - w * per)),
      };
      worker.send(message);
    });
    return collect((m): m is Extract<FromWorker, { type: 'joined' }> => m.type === 'joined');
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const joined = [...(await joinBatch(0, half))];
  await settle();
  const rssHalf = rssServers();
  joined.push(...(await joinBatch(half, N - half)));
  const failedJoins = joined.reduce((sum, j) => sum + j.failed, 0);
  // Join time: the two batches' own durations (not the pause between them for the memory reading).
  const batchSeconds = (batch: typeof joined) =>
    (Math.max(...batch.map((j) => j.lastWelcomeAt)) -
      Math.min(...batch.filter((j) => j.firstJoinAt > 0).map((j) => j.firstJoinAt))) /
    1000;
  const joinSeconds = batchSeconds(joined.slice(0, WORKERS)) + batchSeconds(joined.slice(WORKERS));
  const joinMs = percentiles(joined.flatMap((j) => j.joinMs));
  await everyone;
  await settle();
  const rssJoined = rssServers();
  console.log(
    `joined: ${N - failedJoins} of ${N} in ${joinSeconds.toFixed(2)} s, in two batches ` +
      `(per join p50 ${joinMs.p50} ms, p95 ${joinMs.p95} ms, p99 ${joinMs.p99} ms); servers' RSS ` +
      `${rssBefore.toFixed(1)} MB before, ${rssHalf.toFixed(1)} MB at ${half}, ${rssJoined.toFixed(1)} MB at ${N}`,
  );
  inbox.length = 0;

  const questionMs: number[] = [];
  const revealMs: number[] = [];
  let sent = 0;
  let acked = 0;
  // CPU used while the questions run: what the answers and deliveries cost each part.
  const cpu = () => ({
    servers: servers.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0),
    redis: redis?.pid() ? cpuSeconds(redis.pid()!) : 0,
  });
  const cpuBefore = cpu();
  const playStart = now();
  for (let index = 0; index < QUESTIONS; index++) {
    const revealed = Promise.all(
      sessions.map((s) =>
        s.host.view((v) => v.state.phase === 'reveal' && v.state.reveal.index === index),
      ),
    );
    const sentAt = now();
    for (const s of sessions) s.host.send({ type: index === 0 ? 'start' : 'next' });
    const rounds = await collect(
      (m): m is Extract<FromWorker, { type: 'round' }> => m.type === 'round' && m.index === index,
    );
    await revealed;
    // Each session's reveal is measured from that session's last answer.
    const trigger = sessions.map((_, s) => Math.max(...rounds.map((r) => r.lastAnswerAt[s] ?? 0)));
    const q = rounds.flatMap((r) => r.questionAt.map((t) => t - sentAt));
    const r = rounds.flatMap((round) =>
      round.revealAt.map(({ session, at }) => at - trigger[session]!),
    );
    questionMs.push(...q);
    revealMs.push(...r);
    sent += rounds.reduce((sum, x) => sum + x.sent, 0);
    acked += rounds.reduce((sum, x) => sum + x.acked, 0);
    const pq = percentiles(q);
    const pr = percentiles(r);
    console.log(
      `question ${index + 1}: delivered to ${q.length} in p50 ${pq.p50} / p95 ${pq.p95} / p99 ${pq.p99} ms; ` +
        `reveal to ${r.length} in p50 ${pr.p50} / p95 ${pr.p95} / p99 ${pr.p99} ms`,
    );
  }
  const playSeconds = (now() - playStart) / 1000;
  const cpuAfter = cpu();
  const cpuUse = {
    seconds: Math.round(playSeconds * 10) / 10,
    serversCpuSeconds: Math.round((cpuAfter.servers - cpuBefore.servers) * 100) / 100,
    redisCpuSeconds: Math.round((cpuAfter.redis - cpuBefore.redis) * 100) / 100,
  };
  const rssEnd = rssServers();
  const redisPid = redis?.pid();
  const redisRss = redisPid ? rssMB(redisPid) : null;

  const finals = await Promise.all(
    sessions.map((s) => {
      const ended = s.host.view((v) => v.state.phase === 'ended');
      s.host.send({ type: 'end' });
      return ended;
    }),
  );
  const stored = finals
    .flatMap((view) => (view.state.phase === 'ended' ? view.state.rows : []))
    .filter((row) => row.answer !== null).length;
  const answersLost = Math.max(sent - acked, sent - stored);

  const result = {
    participants: N,
    joined: N - failedJoins,
    sessions: SESSIONS,
    processes: PROCESSES,
    redis: REDIS ? { appendfsync: FSYNC, rssMB: redisRss && Math.round(redisRss * 10) / 10 } : null,
    workers: WORKERS,
    questions: QUESTIONS,
    joinSeconds: Math.round(joinSeconds * 100) / 100,
    joinMs,
    questionMs: percentiles(questionMs),
    revealMs: percentiles(revealMs),
    answersSent: sent,
    answersAcked: acked,
    answersStored: stored,
    answersLost,
    /** The question phase: its wall time, and the CPU the servers and Redis used in it. */
    play: cpuUse,
    rssBeforeMB: Math.round(rssBefore * 10) / 10,
    rssJoinedMB: Math.round(rssJoined * 10) / 10,
    rssEndMB: Math.round(rssEnd * 10) / 10,
    rssHalfMB: Math.round(rssHalf * 10) / 10,
    /** (RSS with everyone joined − RSS before the first join) / N: start-up growth included. */
    rssPerConnectionKB: Math.round((((rssJoined - rssBefore) * 1024) / N) * 10) / 10,
    /** (RSS at N − RSS at N/2) / (N − N/2): what one more connection costs. */
    rssPerConnectionMarginalKB:
      N - half > 0 ? Math.round((((rssJoined - rssHalf) * 1024) / (N - half)) * 10) / 10 : null,
    rssPerConnectionAtEndKB: Math.round((((rssEnd - rssBefore) * 1024) / N) * 10) / 10,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    cpus: cpus().length,
  };
  console.log(
    `answers: ${sent} sent, ${acked} acknowledged, ${stored} in the servers' exports: ${answersLost} lost; ` +
      `${QUESTIONS} questions in ${cpuUse.seconds} s used ${cpuUse.serversCpuSeconds} CPU s in the servers` +
      (redis ? ` and ${cpuUse.redisCpuSeconds} CPU s in Redis` : ''),
  );
  console.log(
    `question delivery p50 ${result.questionMs.p50} / p95 ${result.questionMs.p95} / p99 ${result.questionMs.p99} ms; ` +
      `reveal delivery p50 ${result.revealMs.p50} / p95 ${result.revealMs.p95} / p99 ${result.revealMs.p99} ms; ` +
      `RSS per connection ${result.rssPerConnectionKB} KB from the first join, ` +
      `${result.rssPerConnectionMarginalKB} KB for the second half (${result.rssPerConnectionAtEndKB} KB after ${QUESTIONS} questions)` +
      (redisRss === null ? '' : `; Redis RSS ${redisRss.toFixed(1)} MB`),
  );
  for (const s of sessions) s.host.ws.close();
  stopAll();
  clearTimeout(hardStop);
  console.log(JSON.stringify(result));
  process.exit(failedJoins > 0 || answersLost > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`bench:live failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  console.log(JSON.stringify({ error: String(error), participants: N }));
  process.exit(1);
});
