import type { LiveCommand } from '../../src/domain/live-handlers';
import type { JoinCode } from '../../src/domain/live-protocol';

/**
 * Which process runs a session. One process at a time owns a session: it holds the session's
 * state, runs its commands one batch at a time and arms its timers. A process that receives a
 * command for a session it does not own forwards it to the owner; if the owner is gone (crashed,
 * or cut off from Redis), the process takes the session over.
 *
 * In one process there is nothing to decide: every session runs here.
 */
export interface ForwardedCommand {
  code: JoinCode;
  command: LiveCommand;
  /** The connection that sent it (`<process>:<n>`), for replies; null for the server's own. */
  sender: string | null;
  /** How many times it has been passed on already (a bound on ping-pong during a takeover). */
  hops: number;
}

export type Route =
  /** Run it here. `takeover`: this process has just taken the session from another one. */
  | { kind: 'here'; takeover: boolean }
  /** Sent to the owner, which runs it and publishes the results. */
  | { kind: 'forwarded' }
  /** No such session. */
  | { kind: 'missing' };

export interface Placement {
  /** Finds where a command runs, forwarding it to the owner when that is another live process. */
  route(forward: ForwardedCommand): Promise<Route>;
  /** Marks a session this process has just created as run here. */
  claim(code: JoinCode, ttlMs: number): Promise<void>;
  /** The session ended: this process no longer runs it. */
  release(code: JoinCode): Promise<void>;
  /** The processes alive now (by id), or null when there is only this one. */
  liveProcesses(): Promise<ReadonlySet<string> | null>;
}

export class LocalPlacement implements Placement {
  async route(): Promise<Route> {
    return { kind: 'here', takeover: false };
  }
  async claim(): Promise<void> {}
  async release(): Promise<void> {}
  async liveProcesses(): Promise<ReadonlySet<string> | null> {
    return null;
  }
}
