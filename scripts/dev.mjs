// `npm run dev`: the live-session server (restarted by tsx when server/ or src/domain changes) and
// Vite with hot reload, which proxies /live, /api and /healthz to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const livePort = process.env.LIVE_PORT ?? '8787';
const env = { ...process.env, LIVE_PORT: livePort };

const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/index.ts', '--live-only'], {
    stdio: 'inherit',
    env: { ...env, PORT: livePort },
  }),
  spawn(bin('vite'), process.argv.slice(2), { stdio: 'inherit', env }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
