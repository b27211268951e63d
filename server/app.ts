import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Bank } from '../src/domain/bank-schema';
import { formatProblem, validateBank } from '../src/domain/bank-loader';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { memoryBackend, type Backend } from './live/backend';
import type { FanOut } from './live/fanout';
import { attachGateway } from './live/gateway';
import { apiRoutes } from './live/http-api';
import { SessionRunner } from './live/runner';
import type { SessionStore } from './live/session-store';
import { LocalSockets } from './live/sockets';
import { staticHandler } from './static';
import { CLOSE_CODES } from '../src/domain/live-protocol';

export interface AppOptions {
  config: ServerConfig;
  /** The built app to serve; null serves only the live server and /healthz (tests, benchmark). */
  distDir: string | null;
  clock?: Clock;
  /** Where sessions live and how processes share them; in memory, in this process, by default. */
  backend?: Backend;
  /** With the in-memory backend: a store or fan-out of the test's own. */
  store?: SessionStore;
  fanout?: FanOut;
  builtinBank?: Bank;
  processId?: string;
  log?: (message: string, error?: unknown) => void;
}

/** The one HTTP server: the app, the session API and the live WebSocket, on one port. */
export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock;
  const { config } = options;
  const log =
    options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const backend =
    options.backend ??
    memoryBackend({
      ...(options.store ? { store: options.store } : {}),
      ...(options.fanout ? { fanout: options.fanout } : {}),
      sessionsPerMinute: config.sessionsPerMinute,
    });
  const { store, fanout, placement } = backend;
  const processId = options.processId ?? String(process.pid);
  const runner = new SessionRunner({
    store,
    fanout,
    placement,
    clock,
    hostViewMs: config.hostViewMs,
    progressMs: config.progressMs,
    log,
  });
  const sockets = new LocalSockets(
    processId,
    (code, token, connection) => {
      void runner.submit(code, { type: 'disconnected', token, connection }, null);
    },
    backend.shared,
  );
  const unsubscribe = fanout.subscribe((code, deliveries) => sockets.deliver(code, deliveries));
  backend.start({
    forwarded: (f) => void runner.submit(f.code, f.command, f.sender, f.hops + 1),
    adopt: (code) => void runner.adopt(code),
    alive: (processes) => runner.keepConnectionsOf(processes),
    running: () => runner.codes(),
    notOwned: (codes) => runner.forget(codes),
    reannounce: () => {
      // Closes that happened while the store was out of reach were never recorded. As lost
      // connections (not closes) they do not close an open question on the spot.
      for (const [code, connections] of sockets.recentlyClosed())
        void runner.submit(code, { type: 'connections-lost', connections }, null);
      for (const connection of sockets.all()) {
        const { role } = connection;
        if (!role) continue;
        sockets.sent(connection, clock.now());
        void runner.submit(
          role.code,
          role.kind === 'host'
            ? { type: 'host-hello', hostToken: role.hostToken }
            : { type: 'rejoin', token: role.token, connection: connection.id },
          connection.id,
        );
      }
    },
    cutOff: () => {
      for (const connection of [...sockets.all()])
        connection.ws.close(CLOSE_CODES.tryAgain, 'This server cannot reach its session store.');
    },
  });

  const api = apiRoutes({
    runner,
    store,
    limiter: backend.limiter,
    health: () => backend.health(),
    clock,
    builtinBank: options.builtinBank ?? loadBuiltinBank(),
    connections: () => sockets.size,
    processId,
    log,
    config,
  });
  const files = options.distDir ? staticHandler(options.distDir) : null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = api(req);
    if (route) {
      route(req, res).catch((error: unknown) => {
        log('Request failed', error);
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
  const gateway = attachGateway({ server, runner, sockets, fanout, clock, config });

  return {
    server,
    runner,
    sockets,
    store,
    backend,
    /** Closes sockets and timers, lets other processes take this one's sessions, then the HTTP server. */
    async close(): Promise<void> {
      gateway.close();
      runner.stop();
      unsubscribe();
      await backend.close().catch((error: unknown) => log('Closing the session store', error));
      await new Promise<void>((resolve) => {
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
