import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Bank } from '../src/domain/bank-schema';
import { formatProblem, validateBank } from '../src/domain/bank-loader';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { MemoryFanOut, type FanOut } from './live/fanout';
import { attachGateway } from './live/gateway';
import { apiRoutes } from './live/http-api';
import { SessionRunner } from './live/runner';
import { MemorySessionStore, type SessionStore } from './live/session-store';
import { LocalSockets } from './live/sockets';
import { staticHandler } from './static';

export interface AppOptions {
  config: ServerConfig;
  /** The built app to serve; null serves only the live server and /healthz (tests, benchmark). */
  distDir: string | null;
  clock?: Clock;
  store?: SessionStore;
  fanout?: FanOut;
  builtinBank?: Bank;
  processId?: string;
  log?: (message: string, error?: unknown) => void;
}

/** The one HTTP server: the app, the session API and the live WebSocket, on one port. */
export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? new MemorySessionStore();
  const fanout = options.fanout ?? new MemoryFanOut();
  const { config } = options;
  const runner = new SessionRunner({
    store,
    fanout,
    clock,
    hostViewMs: config.hostViewMs,
    progressMs: config.progressMs,
    ...(options.log ? { log: options.log } : {}),
  });
  const sockets = new LocalSockets(
    options.processId ?? String(process.pid),
    (code, token, connection) => {
      void runner.submit(code, { type: 'disconnected', token, connection }, null);
    },
  );
  const unsubscribe = fanout.subscribe((code, deliveries) => sockets.deliver(code, deliveries));

  const api = apiRoutes({
    runner,
    store,
    clock,
    builtinBank: options.builtinBank ?? loadBuiltinBank(),
    connections: () => sockets.size,
    config,
  });
  const files = options.distDir ? staticHandler(options.distDir) : null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = api(req);
    if (route) {
      route(req, res).catch((error: unknown) => {
        (options.log ?? console.error)('Request failed', error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ error: 'internal', message: 'Something went wrong.' }));
        } else res.destroy();
      });
      return;
    }
    if (files) return files(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found (this server was started without the app)');
  });
  const gateway = attachGateway({ server, runner, sockets, clock, config });

  return {
    server,
    runner,
    sockets,
    store,
    /** Closes sockets and timers, then the HTTP server. */
    close(): Promise<void> {
      gateway.close();
      runner.stop();
      unsubscribe();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export type App = ReturnType<typeof createApp>;

/** The bundled bank, checked with the app's own loader: a broken file stops the server at start. */
export function loadBuiltinBank(): Bank {
  const path = new URL('../data/questions.json', import.meta.url);
  const loaded = validateBank(JSON.parse(readFileSync(path, 'utf8')));
  if (!loaded.ok)
    throw new Error(
      `data/questions.json is not a valid bank:\n${loaded.problems.map(formatProblem).join('\n')}`,
    );
  return loaded.bank;
}
