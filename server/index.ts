// Serves the production build and the live-session server on one port.
// `--live-only` serves just the live server and /healthz, without a build (for the load benchmark).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { configFromEnv } from './config';

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

const app = createApp({ config, distDir: liveOnly ? null : dist });
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
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
