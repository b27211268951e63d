import type { JoinCode } from '../../src/domain/live-protocol';
import type { ChangeEvent, CreatedEvent, LiveSession } from '../../src/domain/live-session';

/**
 * Where sessions are kept. The server runs each command on the state it holds and persists the
 * command's events before anyone hears of the result: an answer is acknowledged only once the
 * store holds it.
 *
 * `append` gets both the events (small and granular: one answer, one join) and the state they lead
 * to. The in-memory store keeps the state; a shared store (Redis) writes just the events, so an
 * answer never rewrites a 2,000-person session, and rebuilds the state with `replay` when another
 * process takes the session over.
 */
export interface SessionStore {
  /** Saves a new session; false if its code is taken (the caller draws another). */
  create(created: CreatedEvent, state: LiveSession): Promise<boolean>;
  /** The session as last persisted, or null if there is none (never created, or expired). */
  load(code: JoinCode): Promise<LiveSession | null>;
  /** Persists one command's events; resolves once they are durable. */
  append(code: JoinCode, events: readonly ChangeEvent[], next: LiveSession): Promise<void>;
  delete(code: JoinCode): Promise<void>;
  /** How many sessions exist (for the per-server cap and /healthz). */
  count(): Promise<number>;
}

export class MemorySessionStore implements SessionStore {
  private sessions = new Map<JoinCode, LiveSession>();

  async create(created: CreatedEvent, state: LiveSession): Promise<boolean> {
    if (this.sessions.has(created.code)) return false;
    this.sessions.set(created.code, state);
    return true;
  }

  async load(code: JoinCode): Promise<LiveSession | null> {
    return this.sessions.get(code) ?? null;
  }

  async append(code: JoinCode, _events: readonly ChangeEvent[], next: LiveSession): Promise<void> {
    if (!this.sessions.has(code)) throw new Error(`no session ${code}`);
    this.sessions.set(code, next);
  }

  async delete(code: JoinCode): Promise<void> {
    this.sessions.delete(code);
  }

  async count(): Promise<number> {
    return this.sessions.size;
  }
}
