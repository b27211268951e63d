import type { AddressInfo } from 'node:net';
import WebSocket, { type ClientOptions } from 'ws';
import { createApp, type App } from '../../server/app';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config';
import type { Clock } from '../../server/clock';
import type { Backend } from '../../server/live/backend';
import { MemoryFanOut, type Delivery, type Locate } from '../../server/live/fanout';
import type { SessionStore } from '../../server/live/session-store';
import type { Question } from '../../src/domain/bank-schema';
import {
  parseServerMessage,
  type ClientMessage,
  type CreateSessionRequest,
  type JoinCode,
  type ServerMessage,
  type ServerMessageType,
} from '../../src/domain/live-protocol';
import { makeBank, makeQuestion } from '../factories';
import { FakeClock } from '../fakes/fake-clock';

/** Questions whose secrets are easy to spot in a byte stream. */
export function secretQuestions(): Question[] {
  return (['NodePort', 'ExternalName', 'LoadBalancer', 'ClusterIP'] as const).map((answer, i) => {
    const others = (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const).filter(
      (t) => t !== answer,
    );
    return makeQuestion({
      id: `live-q${i}`,
      // Prompts may name types: the check is for the answer field, not the bare word.
      prompt: `Scenario ${i}: a ClusterIP, NodePort, LoadBalancer or ExternalName problem.`,
      answer,
      explanation: `SECRET-EXPLANATION-${i} why ${answer} is right.`,
      whyNot: Object.fromEntries(others.map((t) => [t, `SECRET-WHYNOT-${i}-${t}`])),
    });
  });
}

/** A fan-out that remembers what was published, to check what the server serialized and for whom. */
export class RecordingFanOut extends MemoryFanOut {
  published: Delivery[] = [];
  override publish(code: JoinCode, deliveries: readonly Delivery[], _locate?: Locate): void {
    this.published.push(...deliveries);
    super.publish(code, deliveries);
  }
}

export interface Harness {
  app: App;
  /**
   * Waits for `promise` while moving the fake clock on by `stepMs` at each turn of the event loop:
   * for what the server sends after a coalescing interval, once it has heard of an event.
   */
  flush<T>(promise: Promise<T>, stepMs?: number): Promise<T>;
  clock: FakeClock;
  fanout: RecordingFanOut;
  http: string;
  ws: string;
  create(request?: Partial<CreateSessionRequest>): Promise<{ code: JoinCode; hostToken: string }>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  connect(options?: ClientOptions): Promise<Client>;
  close(): Promise<void>;
}

export interface ServerOptions {
  store?: SessionStore;
  /** Another backend than the in-memory one (Redis), with the clock and process id to go with it. */
  backend?: Backend;
  clock?: Clock;
  processId?: string;
}

export async function startServer(
  config: Partial<ServerConfig> = {},
  options: SessionStore | ServerOptions = {},
): Promise<Harness> {
  const {
    store,
    backend,
    clock: ownClock,
    processId,
  } = 'load' in options ? { store: options as SessionStore } : (options as ServerOptions);
  const clock = new FakeClock();
  const fanout = new RecordingFanOut();
  const app = createApp({
    // Pings only where a test asks for them: a pong needs real I/O, which a jump of the fake clock
    // by hours would not wait for.
    config: { ...DEFAULT_CONFIG, pingIntervalMs: 2 ** 31 - 1, ...config },
    distDir: null,
    clock: ownClock ?? clock,
    ...(backend ? { backend } : { fanout }),
    builtinBank: makeBank(secretQuestions(), { title: 'Live test bank' }),
    processId: processId ?? 'test',
    ...(store ? { store } : {}),
    log: () => undefined,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const http = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${http}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    app,
    async flush(promise, stepMs = 250) {
      let settled = false;
      const watched = promise.finally(() => (settled = true));
      while (!settled) {
        clock.advance(stepMs);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return watched;
    },
    clock,
    fanout,
    http,
    ws: `ws://127.0.0.1:${port}/live`,
    post,
    async create(request = {}) {
      const res = await post({
        bank: { kind: 'builtin' },
        selection: { kind: 'ids', ids: ['live-q0', 'live-q1', 'live-q2'] },
        settings: { secondsPerQuestion: 30, scoring: 'accuracy', lateJoin: true },
        ...request,
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { code: JoinCode; hostToken: string };
    },
    async connect(options) {
      const client = await Client.connect(`ws://127.0.0.1:${port}/live`, options);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.ws.terminate();
      await app.close();
    },
  };
}

type Of<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;

/** A real `ws` client that keeps every message it receives, raw and parsed. */
export class Client {
  /** How long `next` waits for a message (tests across processes on a busy machine wait longer). */
  static timeoutMs = 4000;
  raw: string[] = [];
  messages: ServerMessage[] = [];
  private taken = new Set<number>();
  private from = 0;
  private listeners = new Set<() => void>();
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      const parsed = parseServerMessage(text);
      if (!parsed.ok)
        throw new Error(`the server sent an invalid message: ${parsed.error}: ${text}`);
      this.messages.push(parsed.message);
      for (const listener of [...this.listeners]) listener();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const listener of [...this.listeners]) listener();
      }),
    );
  }

  static connect(url: string, options?: ClientOptions): Promise<Client> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      const client = new Client(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(message: ClientMessage | string | Record<string, unknown>) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message of this type (and matching `test`) not returned before; waits for it. */
  next<T extends ServerMessageType>(
    type: T,
    test: (m: Of<T>) => boolean = () => true,
  ): Promise<Of<T>> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const index = this.messages.findIndex(
          (m, i) => i >= this.from && !this.taken.has(i) && m.type === type && test(m as Of<T>),
        );
        if (index >= 0) {
          this.taken.add(index);
          done();
          resolve(this.messages[index] as Of<T>);
        } else if (this.ws.readyState === WebSocket.CLOSED) {
          done();
          reject(
            new Error(
              `closed before a "${type}" came; got ${JSON.stringify(this.messages.map((m) => (m.type === 'error' ? m : m.type)))}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `no "${type}" within ${Client.timeoutMs / 1000} s; got ${JSON.stringify(this.messages.map((m) => (m.type === 'error' ? m : m.type)))}`,
          ),
        );
      }, Client.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(look);
      };
      this.listeners.add(look);
      look();
    });
  }

  /** From now on, `next` looks only at messages that arrive later. */
  mark(): void {
    this.from = this.messages.length;
  }

  count(type: ServerMessageType): number {
    return this.messages.filter((m) => m.type === type).length;
  }
}

/** Sends and waits for the matching reply type. */
export async function request<T extends ServerMessageType>(
  client: Client,
  message: ClientMessage | Record<string, unknown> | string,
  type: T,
  test?: (m: Of<T>) => boolean,
): Promise<Of<T>> {
  const reply = client.next(type, test);
  client.send(message);
  return reply;
}

export async function hostOf(h: Harness, code: JoinCode, hostToken: string) {
  const host = await h.connect();
  await request(host, { type: 'host-hello', code, hostToken }, 'host-view');
  return host;
}

export async function joinAs(h: Harness, code: JoinCode, name: string) {
  const client = await h.connect();
  const welcome = await request(client, { type: 'join', code, name }, 'welcome');
  return { client, welcome };
}
