import {
  CLOSE_CODES,
  parseServerMessage,
  type ClientMessage,
  type ServerMessage,
} from '../domain/live-protocol';

/** The part of the browser's `WebSocket` this client uses, so tests can pass a fake one. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketConstructor = new (url: string) => SocketLike;

const OPEN = 1;

/** Closes after which coming back would be wrong: the person left, was removed, or it expired. */
const FINAL_CLOSES: ReadonlySet<number> = new Set([
  CLOSE_CODES.left,
  CLOSE_CODES.removed,
  CLOSE_CODES.expired,
]);

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting'; attempt: number }
  | { status: 'open' }
  /** Lost; the next attempt starts at `retryAt` (local time). */
  | { status: 'waiting'; attempt: number; retryAt: number }
  /** Stopped for good (left, removed, or the session is gone). */
  | { status: 'stopped' };

export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

/**
 * How long to wait before reconnect attempt `attempt` (0-based): doubling from 0.5 s up to 15 s,
 * with "equal jitter" (half fixed, half random), so a room of phones that lost the same Wi-Fi does
 * not come back in one burst, yet nobody waits much longer than the doubling says.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export interface LiveSocketOptions {
  url: string;
  WebSocket: SocketConstructor;
  now: () => number;
  random: () => number;
  timers?: Timers;
  /** Called on every (re)connection, to say who this is (`host-hello`, `join`, `rejoin`). */
  onOpen: (send: (message: ClientMessage) => boolean) => void;
  onMessage: (message: ServerMessage, receivedAt: number) => void;
  /** A message that is not valid protocol: reported, and otherwise ignored. */
  onMalformed: (error: string) => void;
  onState: (state: ConnectionState) => void;
  /** The server closed for good (left, removed, expired): no reconnect follows. */
  onFinalClose?: (code: number) => void;
}

export interface LiveSocket {
  connect(): void;
  /** Sends if connected; returns false (and sends nothing) when not. */
  send(message: ClientMessage): boolean;
  /** Closes and never reconnects. */
  stop(): void;
  /** While waiting to retry (or on `online`): try at once. */
  reconnectNow(): void;
  /**
   * Drops the connection, even one that looks open, and connects again at once. After a phone
   * sleeps its socket can look open while the server has long closed it; a fresh one is cheap.
   */
  restart(): void;
  /** The server accepted who we are: the next loss starts the backoff from the beginning. */
  markHealthy(): void;
}

/** One WebSocket that comes back after a drop, with exponential backoff and jitter. */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const timers = options.timers ?? browserTimers;
  let socket: SocketLike | null = null;
  let attempt = 0;
  let retry: unknown = null;
  let stopped = false;

  const setState = (state: ConnectionState) => options.onState(state);

  function send(message: ClientMessage): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function open() {
    if (stopped) return;
    retry = null;
    setState({ status: 'connecting', attempt });
    let ws: SocketLike;
    try {
      ws = new options.WebSocket(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      setState({ status: 'open' });
      options.onOpen(send);
    };
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      const receivedAt = options.now();
      if (typeof event.data !== 'string') {
        options.onMalformed('a binary message');
        return;
      }
      const parsed = parseServerMessage(event.data);
      if (parsed.ok) options.onMessage(parsed.message, receivedAt);
      else options.onMalformed(parsed.error);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (stopped) return;
      if (FINAL_CLOSES.has(event.code)) {
        stopped = true;
        setState({ status: 'stopped' });
        options.onFinalClose?.(event.code);
      } else scheduleRetry();
    };
    // An error is always followed by a close, which is where the retry is planned.
    ws.onerror = () => {};
  }

  function scheduleRetry() {
    const delay = backoffDelay(attempt, options.random);
    attempt += 1;
    setState({ status: 'waiting', attempt, retryAt: options.now() + delay });
    retry = timers.setTimeout(open, delay);
  }

  function drop() {
    if (retry !== null) timers.clearTimeout(retry);
    retry = null;
    const ws = socket;
    socket = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close(1000, 'bye');
      } catch {
        // Closing a socket that never opened may throw in some browsers; it is gone either way.
      }
    }
  }

  return {
    connect() {
      stopped = false;
      if (!socket && retry === null) open();
    },
    send,
    stop() {
      stopped = true;
      drop();
      setState({ status: 'stopped' });
    },
    reconnectNow() {
      if (stopped || socket) return;
      drop();
      open();
    },
    restart() {
      if (stopped) return;
      drop();
      open();
    },
    markHealthy() {
      attempt = 0;
    },
  };
}
