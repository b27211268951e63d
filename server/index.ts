// Serves the production build and the live-session server on one port.
// `--live-only` serves just the live server and /healthz, without a build (for the load benchmark).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { configFromEnv } from './config';
import { redisBackend } from './live/redis/backend';
import { describeRedisUrl } from './live/redis/connection';

const liveOnly = process.argv.includes('--live-only');
const dist = fileURLToPath(new URL('../dist', import.meta.url));
if (!liveOnly && !existsSync(`${dist}/index.html`)) {
  console.error(
    `No build found in ${dist}. Run "npm run build" first (npm start does it for you).`,
  );
  process.exit(1);
}

const parsed = configFromEnv(process.env);
if (!parsed.ok) {
  for (const error of parsed.errors) console.error(error);
  process.exit(1);
}
const { config } = parsed;

// Unique per start: a process that comes back after a crash is a new process, and connections
// the old one held are known to be gone.
const processId = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
const log = (message: string, error?: unknown) =>
  error === undefined ? console.error(message) : console.error(message, error);
const backend = config.redisUrl
  ? redisBackend({
      url: config.redisUrl,
      processId,
      sessionsPerMinute: config.sessionsPerMinute,
      log,
    })
  : undefined;
const app = createApp({
  config,
  distDir: liveOnly ? null : dist,
  processId,
  log,
  ...(backend ? { backend } : {}),
});
app.server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${config.port} is already in use. Stop the other program or set PORT, e.g. PORT=8081 npm start.`
      : `Server error: ${error.message}`,
  );
  process.exit(1);
});
app.server.listen(config.port, () => {
  console.log(
    liveOnly
      ? `Live-session server (no app) is running on port ${config.port}`
      : `Kube Service Trainer is running at http://localhost:${config.port}/`,
  );
  console.log(
    config.redisUrl
      ? `Live sessions are shared through Redis at ${describeRedisUrl(config.redisUrl)} (process ${processId}).`
      : 'Live sessions are kept in this process (set REDIS_URL to share them between processes).',
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
