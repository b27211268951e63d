import type { JoinCode } from '../../../src/domain/live-protocol';

/**
 * Every Redis key and channel the server uses, in one place (docs/scaling.md lists them).
 *
 * A session's keys share the hash tag `{CODE}`, so a script that touches all of them stays on one
 * node if the data is ever spread over a Redis Cluster.
 */
export class RedisKeys {
  constructor(readonly prefix = 'kst:') {}

  /** String: the session's `created` event (settings, questions, host token) as JSON. */
  created = (code: JoinCode) => `${this.prefix}s:{${code}}:created`;
  /** List: the session's change events as JSON, in order; its length is the session's version. */
  events = (code: JoinCode) => `${this.prefix}s:{${code}}:events`;
  /** String: the id of the process that runs the session. */
  owner = (code: JoinCode) => `${this.prefix}s:{${code}}:owner`;
  /** The owner key of any session, for scripts that find codes as they go. */
  get ownerPrefix() {
    return `${this.prefix}s:`;
  }
  /** Sorted set: session codes scored by when they expire if nothing happens (the session cap). */
  get sessions() {
    return `${this.prefix}sessions`;
  }
  /** Sorted set: process ids scored by when their heartbeat runs out. */
  get processes() {
    return `${this.prefix}processes`;
  }
  /** Set: the codes a process runs, so a survivor can take them when it dies. */
  owned = (processId: string) => `${this.prefix}owned:${processId}`;
  get ownedPrefix() {
    return `${this.prefix}owned:`;
  }
  /** String: one client address's session-creation allowance (GCRA: its theoretical arrival time). */
  creations = (address: string) => `${this.prefix}creations:${address}`;

  /** Channel: one session's deliveries, for the processes that hold its sockets. */
  deliveries = (code: JoinCode) => `${this.prefix}out:${code}`;
  /**
   * Channel: deliveries meant for connections one process holds (acks, welcomes, each person's own
   * result), so they do not travel to every process in the session.
   */
  direct = (processId: string) => `${this.prefix}to:${processId}`;
  /** Channel: commands forwarded to one process (the owner of their session). */
  inbox = (processId: string) => `${this.prefix}in:${processId}`;
  get inboxPrefix() {
    return `${this.prefix}in:`;
  }
}
