import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on another origin (127.0.0.1, a free port) that serves banks to the app as a
 * trainer's site would: the browser fetches over the network and applies CORS itself.
 */
export interface BankRoute {
  status?: number;
  type?: string;
  /** Sends Access-Control-Allow-Origin (default true); without it the browser blocks the read. */
  cors?: boolean;
  body: string;
  /**
   * Sends the first `bytes` of the body, then holds the rest until `release` resolves: a slow
   * load, held open until the test has seen what a learner sees meanwhile.
   */
  hold?: { bytes: number; release: Promise<void> };
}

export interface BankServer {
  url(path: string): string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Whether the response for `path` is closed, finished or not (the client went away). */
  isClosed(path: string): boolean;
  close(): Promise<void>;
}

export async function startBankServer(routes: Record<string, BankRoute>): Promise<BankServer> {
  const requests: string[] = [];
  const closed = new Set<string>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const route = routes[path];
    res.on('close', () => closed.add(path));
    if (!route) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end('no such bank');
      return;
    }
    const body = Buffer.from(route.body, 'utf8');
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'application/json',
      'content-length': String(body.length),
      'cache-control': 'no-store',
      ...(route.cors === false ? {} : { 'access-control-allow-origin': '*' }),
    });
    if (!route.hold) {
      res.end(body);
      return;
    }
    const { bytes, release } = route.hold;
    res.write(body.subarray(0, bytes));
    void release.then(() => {
      if (!res.destroyed) res.end(body.subarray(bytes));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    isClosed: (path) => closed.has(path),
    close: () =>
      new Promise((resolve) => {
        // A held response would keep the server open for ever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
