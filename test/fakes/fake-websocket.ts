import type { SocketLike, Timers } from '../../src/lib/live-socket';

/** A WebSocket double the test drives: open it, feed it messages, drop it, read what was sent. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly sent: string[] = [];
  closedByClient = false;

  constructor(readonly url: string) {}

  send(data: string) {
    if (this.readyState !== 1) throw new Error('InvalidStateError: the socket is not open');
    this.sent.push(data);
  }
  close() {
    this.closedByClient = true;
    this.readyState = 3;
  }

  /** The server accepted the connection. */
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  /** A message from the server, as an object (sent as JSON) or raw text. */
  receive(message: unknown) {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  /** The connection was lost (or refused). */
  drop(code = 1006) {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    // Node has no CloseEvent; the client reads nothing from it but its type.
    this.onclose?.(Object.assign(new Event('close'), { code, reason: '' }) as CloseEvent);
  }
  /** What the client sent, parsed. */
  messages(): { type: string; [key: string]: unknown }[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

export function fakeWebSocket() {
  const sockets: FakeSocket[] = [];
  class WebSocket extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  return {
    WebSocket,
    sockets,
    last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}

/** A clock and timers that move only when the test says so. */
export function fakeClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      const id = nextId++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    now: () => now,
    pendingCount: () => pending.size,
    /** The delays of the timers waiting now, from this moment. */
    delays: () => [...pending.values()].map((t) => t.at - now),
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

/** In-memory Storage with the same surface as localStorage. */
export class MemoryStorage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  keys() {
    return [...this.data.keys()];
  }
}
