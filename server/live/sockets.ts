import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  type HostToken,
  type JoinCode,
  type ParticipantId,
  type ParticipantToken,
} from '../../src/domain/live-protocol';
import type { Delivery, Target } from './fanout';
import type { TokenBucket } from './rate-limit';

export type Role =
  | { kind: 'host'; code: JoinCode; hostToken: HostToken }
  | { kind: 'participant'; code: JoinCode; participantId: ParticipantId; token: ParticipantToken };

export interface Connection {
  id: string;
  ws: WebSocket;
  /** The TCP socket under `ws`, corked while a batch of messages is written to it. */
  socket: Duplex;
  bucket: TokenBucket;
  /** Answered the last ping. */
  alive: boolean;
  role: Role | null;
  /** A hello, join or rejoin is on its way: another one now would make a second identity. */
  pending: boolean;
  /** Commands sent for this connection and not yet settled, and since when some have waited. */
  inflight: number;
  waitingSince: number | null;
  /** The session whose deliveries this process listens to for this connection. */
  listening: { code: JoinCode; stop: () => void } | null;
}

/** The process a connection id belongs to: ids are `<process id>:<n>`. */
export const processOf = (connection: string) => connection.slice(0, connection.lastIndexOf(':'));

/** A socket that has this much unsent is not reading: it is dropped rather than fill memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** How many closed participant connections are remembered (see `recentlyClosed`). */
const CLOSES_KEPT = 20_000;

/**
 * The sockets this process holds, by session and role, and the delivery of published messages to
 * them. A broadcast's text becomes one Buffer, written to every socket as is.
 */
export class LocalSockets {
  private byId = new Map<string, Connection>();
  private hosts = new Map<JoinCode, Set<Connection>>();
  private participants = new Map<JoinCode, Map<ParticipantId, Set<Connection>>>();
  private nextId = 0;
  private closed: { code: JoinCode; connection: string }[] = [];

  /**
   * @param onOrphan a participant was bound to a connection that had already closed: the session
   *   must hear that this connection is gone, or it would count the person as connected forever.
   */
  constructor(
    private readonly processId: string,
    private readonly onOrphan: (
      code: JoinCode,
      token: ParticipantToken,
      connection: string,
    ) => void,
    /** Keep `recentlyClosed` (only a shared store, which can be out of reach, needs it). */
    private readonly rememberCloses = false,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  add(ws: WebSocket, socket: Duplex, bucket: TokenBucket): Connection {
    const connection: Connection = {
      id: `${this.processId}:${(this.nextId++).toString(36)}`,
      ws,
      socket,
      bucket,
      alive: true,
      role: null,
      pending: false,
      inflight: 0,
      waitingSince: null,
      listening: null,
    };
    this.byId.set(connection.id, connection);
    return connection;
  }

  /** A command from this connection is on its way to its session. */
  sent(connection: Connection, now: number): void {
    connection.inflight += 1;
    connection.waitingSince ??= now;
  }

  remove(connection: Connection): void {
    this.byId.delete(connection.id);
    connection.listening?.stop();
    connection.listening = null;
    const role = connection.role;
    if (role?.kind === 'host') {
      const set = this.hosts.get(role.code);
      set?.delete(connection);
      if (set?.size === 0) this.hosts.delete(role.code);
    } else if (role?.kind === 'participant') {
      if (this.rememberCloses) {
        this.closed.push({ code: role.code, connection: connection.id });
        if (this.closed.length > CLOSES_KEPT)
          this.closed.splice(0, this.closed.length - CLOSES_KEPT);
      }
      const people = this.participants.get(role.code);
      const set = people?.get(role.participantId);
      set?.delete(connection);
      if (set?.size === 0) people?.delete(role.participantId);
      if (people?.size === 0) this.participants.delete(role.code);
    }
  }

  all(): IterableIterator<Connection> {
    return this.byId.values();
  }

  /**
   * Participant connections that closed here since the last call, by session. A close reported
   * while the session store was out of reach was never recorded: after an outage they are reported
   * again (reporting one twice changes nothing).
   */
  recentlyClosed(): Map<JoinCode, string[]> {
    const byCode = new Map<JoinCode, string[]>();
    for (const { code, connection } of this.closed) {
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      list.push(connection);
    }
    this.closed = [];
    return byCode;
  }

  deliver(code: JoinCode, deliveries: readonly Delivery[]): void {
    // A reveal is two messages for each person (the room's reveal, then their own result): corked,
    // they leave in one write per socket instead of two.
    const corked = deliveries.length > 1 ? new Set<Duplex>() : null;
    try {
      this.deliverAll(code, deliveries, corked);
    } finally {
      for (const socket of corked ?? []) socket.uncork();
    }
  }

  private deliverAll(code: JoinCode, deliveries: readonly Delivery[], corked: Set<Duplex> | null) {
    for (const delivery of deliveries) {
      switch (delivery.kind) {
        case 'send': {
          const data = Buffer.from(delivery.data);
          for (const connection of this.targets(code, delivery.target)) {
            if (corked && !corked.has(connection.socket)) {
              connection.socket.cork();
              corked.add(connection.socket);
            }
            this.send(connection, data);
          }
          break;
        }
        case 'bind-host': {
          const connection = this.byId.get(delivery.connection);
          if (!connection) break;
          connection.role = { kind: 'host', code, hostToken: delivery.hostToken };
          setOf(this.hosts, code).add(connection);
          break;
        }
        case 'bind-participant': {
          const connection = this.byId.get(delivery.connection);
          if (!connection) {
            if (delivery.connection.startsWith(`${this.processId}:`))
              this.onOrphan(code, delivery.token, delivery.connection);
            break;
          }
          connection.role = {
            kind: 'participant',
            code,
            participantId: delivery.participantId,
            token: delivery.token,
          };
          let people = this.participants.get(code);
          if (!people) this.participants.set(code, (people = new Map()));
          setOf(people, delivery.participantId).add(connection);
          break;
        }
        case 'close':
          for (const connection of [...this.targets(code, delivery.target)])
            connection.ws.close(delivery.code, delivery.reason);
          break;
        case 'retry-later': {
          const connection = this.byId.get(delivery.connection);
          if (connection && !connection.role)
            connection.ws.close(CLOSE_CODES.tryAgain, 'Session store unavailable.');
          break;
        }
        case 'settled': {
          const connection = this.byId.get(delivery.connection);
          if (!connection) break;
          connection.pending = false;
          connection.inflight = Math.max(0, connection.inflight - 1);
          if (connection.inflight === 0) connection.waitingSince = null;
          break;
        }
      }
    }
  }

  private send(connection: Connection, data: Buffer) {
    const { ws } = connection;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return;
    }
    ws.send(data, { binary: false });
  }

  private *targets(code: JoinCode, target: Target): Generator<Connection> {
    switch (target.to) {
      case 'connection': {
        const connection = this.byId.get(target.id);
        if (connection) yield connection;
        return;
      }
      case 'host':
        yield* this.hosts.get(code) ?? [];
        return;
      case 'participant':
        yield* this.participants.get(code)?.get(target.id) ?? [];
        return;
      case 'participants':
        for (const set of this.participants.get(code)?.values() ?? []) yield* set;
        return;
      case 'everyone':
        yield* this.hosts.get(code) ?? [];
        for (const set of this.participants.get(code)?.values() ?? []) yield* set;
        return;
    }
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
