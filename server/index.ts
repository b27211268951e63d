// Serves the production build (and, later, the live-session server) on one port.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(`${dist}/index.html`)) {
  console.error(
    `No build found in ${dist}. Run "npm run build" first (npm start does it for you).`,
  );
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a whole number from 1 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

const server = createServer(staticHandler(dist));
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop the other program or set PORT, e.g. PORT=8081 npm start.`
      : `Server error: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, () => {
  console.log(`Kube Service Trainer is running at http://localhost:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
