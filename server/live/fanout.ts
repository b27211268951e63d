import type {
  JoinCode,
  ParticipantId,
  ParticipantToken,
  HostToken,
} from '../../src/domain/live-protocol';

/**
 * Getting a command's results to sockets. The process that runs a session publishes what goes to
 * whom; every process delivers it to the sockets it holds. In one process that is a function call;
 * with Redis it is one pub/sub message per command, and nothing else changes.
 *
 * Messages are serialized once by the publisher (`data`), never once per socket.
 */
export type Target =
  /** One connection, by the id the receiving process gave it (`<process>:<n>`). */
  | { to: 'connection'; id: string }
  | { to: 'host' }
  | { to: 'participants' }
  | { to: 'participant'; id: ParticipantId }
  | { to: 'everyone' };

export type Delivery =
  | { kind: 'send'; target: Target; data: string }
  | { kind: 'bind-host'; connection: string; hostToken: HostToken }
  | {
      kind: 'bind-participant';
      connection: string;
      participantId: ParticipantId;
      token: ParticipantToken;
    }
  | { kind: 'close'; target: Target; code: number; reason: string }
  /**
   * The command this connection sent has been dealt with (whatever the reply). Its process stops
   * waiting for it: a command that never settles was lost with a crashed process, and the
   * connection is asked to reconnect so its client can send it again.
   */
  | { kind: 'settled'; connection: string }
  /**
   * A hello, join or rejoin could not be served (the store is out of reach). A connection with no
   * identity yet is closed with "try again later" (1013), and its client retries with backoff; one
   * already in a session (the server re-announcing it) stays as it is.
   */
  | { kind: 'retry-later'; connection: string };

export type DeliveryListener = (code: JoinCode, deliveries: readonly Delivery[]) => void;

/**
 * Which server processes hold a participant's connections (by process id), as the session's state
 * knows them. With it, what is meant for one person goes only to the process that holds them.
 */
export type Locate = (participant: ParticipantId) => readonly string[] | undefined;

export interface FanOut {
  /**
   * Publishes deliveries for one session, in order, to every process that holds its sockets (and
   * what is meant for one connection or person only to the process that holds it, when `locate`
   * says where that is).
   */
  publish(code: JoinCode, deliveries: readonly Delivery[], locate?: Locate): void;
  /** Listens for every session's deliveries; returns the function that stops listening. */
  subscribe(listener: DeliveryListener): () => void;
  /**
   * This process holds (or is about to hold) a socket in this session: from when the promise
   * resolves, the session's deliveries reach this process. Returns the function that stops it.
   */
  listen(code: JoinCode): Promise<() => void>;
}

export class MemoryFanOut implements FanOut {
  private listeners = new Set<DeliveryListener>();

  publish(code: JoinCode, deliveries: readonly Delivery[]): void {
    if (deliveries.length === 0) return;
    for (const listener of this.listeners) listener(code, deliveries);
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async listen(): Promise<() => void> {
    return () => undefined;
  }
}
