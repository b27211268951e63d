import type { JoinCode } from '../../src/domain/live-protocol';
import { MemoryFanOut, type FanOut } from './fanout';
import { LocalPlacement, type ForwardedCommand, type Placement } from './placement';
import { MemoryCreationLimiter, type CreationLimiter } from './rate-limit';
import { MemorySessionStore, type SessionStore } from './session-store';

export interface Health {
  ok: boolean;
  store: 'memory' | 'redis';
  /** What is wrong, in words for whoever reads /healthz. */
  problem?: string;
}

/** What the process's shared work (heartbeat, sweep, forwarded commands) asks of the server. */
export interface BackendHooks {
  /** Another process forwarded a command for a session this process runs. */
  forwarded(command: ForwardedCommand): void;
  /** A session whose owner died: run it here now (its timers must go on). */
  adopt(code: JoinCode): void;
  /**
   * These processes are alive: connections held by any other one (it crashed) are gone from the
   * sessions run here.
   */
  alive(processes: ReadonlySet<string>): void;
  /** The sessions this process runs, to check that it still owns them. */
  running(): JoinCode[];
  /** This process no longer owns these sessions: stop running them. */
  notOwned(codes: JoinCode[]): void;
  /**
   * Deliveries may have been missed (this process lost Redis for a while), or other processes
   * took this one for dead and dropped its connections: every connection here says who it is
   * again, and gets the whole current view back.
   */
  reannounce(): void;
  /**
   * This process has been cut off from Redis for a while (a network split): its connections are
   * asked to come back later, so that a load balancer can send them to a process that can serve.
   */
  cutOff(): void;
}

/** Where sessions are stored, how their messages travel, and who runs each one. */
export interface Backend {
  /** Whether other processes share the sessions (and the store can be out of reach). */
  shared: boolean;
  store: SessionStore;
  fanout: FanOut;
  placement: Placement;
  limiter: CreationLimiter;
  health(): Promise<Health>;
  start(hooks: BackendHooks): void;
  close(): Promise<void>;
}

/** One process, sessions in memory: the default, and what `npm start` runs without REDIS_URL. */
export function memoryBackend(options: {
  store?: SessionStore;
  fanout?: FanOut;
  sessionsPerMinute: number;
}): Backend {
  return {
    shared: false,
    store: options.store ?? new MemorySessionStore(),
    fanout: options.fanout ?? new MemoryFanOut(),
    placement: new LocalPlacement(),
    limiter: new MemoryCreationLimiter(options.sessionsPerMinute),
    health: async () => ({ ok: true, store: 'memory' }),
    start: () => undefined,
    close: async () => undefined,
  };
}
