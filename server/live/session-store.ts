import type { JoinCode } from '../../src/domain/live-protocol';
import type { ChangeEvent, CreatedEvent, LiveSession } from '../../src/domain/live-session';

/**
 * Where sessions are kept. The server runs each command on the state it holds and persists the
 * command's events before anyone hears of the result: an answer is acknowledged only once the
 * store holds it.
 *
 * A session is a log: its `created` event, then change events. `version` is how many change
 * events the log holds. `append` writes after exactly that many, or refuses with
 * `VersionConflict`: two processes that both think they run a session can never fork its log, and
 * every command was decided on the whole of it. That is what makes the session's own rules (one
 * answer per question, unique names, the participant cap) hold across processes.
 *
 * `append` gets both the events (small: one answer, one join) and the state they lead to. The
 * in-memory store keeps the state; the Redis store writes just the events and rebuilds the state
 * with `replay` when a process loads the session.
 */
export interface StoredSession {
  state: LiveSession;
  version: number;
}

export type CreateResult = 'created' | 'code-taken' | 'full';

export interface SessionStore {
  /**
   * Saves a new session unless its code is taken or `maxSessions` sessions exist already (checked
   * and written in one step, so two processes cannot both take the last place).
   */
  create(created: CreatedEvent, state: LiveSession, maxSessions: number): Promise<CreateResult>;
  /** The session as last persisted, or null if there is none (never created, ended, expired). */
  load(code: JoinCode): Promise<StoredSession | null>;
  /**
   * Persists one batch of events after `version` events; resolves once the store holds them.
   * Rejects with `VersionConflict` if the log has moved on or the session is gone, and with
   * `StoreUnavailable` if the store cannot be reached (the events may or may not have been
   * written: the caller must load the session again before it writes).
   */
  append(
    code: JoinCode,
    version: number,
    events: readonly ChangeEvent[],
    next: LiveSession,
  ): Promise<void>;
  delete(code: JoinCode): Promise<void>;
  /** How many sessions exist (the cap counts these; /healthz reports them). */
  count(): Promise<number>;
}

/** The log is not where the writer thought: another process wrote to it, or it was deleted. */
export class VersionConflict extends Error {
  constructor(code: JoinCode, detail: string) {
    super(`Session ${code}: ${detail}`);
    this.name = 'VersionConflict';
  }
}

/** The store cannot be reached (Redis down, or the network to it). Try again later. */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

export class MemorySessionStore implements SessionStore {
  private sessions = new Map<JoinCode, StoredSession>();

  async create(created: CreatedEvent, state: LiveSession, maxSessions: number) {
    if (this.sessions.has(created.code)) return 'code-taken';
    if (this.sessions.size >= maxSessions) return 'full';
    this.sessions.set(created.code, { state, version: 0 });
    return 'created';
  }

  async load(code: JoinCode): Promise<StoredSession | null> {
    return this.sessions.get(code) ?? null;
  }

  async append(
    code: JoinCode,
    version: number,
    events: readonly ChangeEvent[],
    next: LiveSession,
  ): Promise<void> {
    const stored = this.sessions.get(code);
    if (!stored) throw new VersionConflict(code, 'the session is gone');
    if (stored.version !== version)
      throw new VersionConflict(code, `expected version ${version}, found ${stored.version}`);
    this.sessions.set(code, { state: next, version: version + events.length });
  }

  async delete(code: JoinCode): Promise<void> {
    this.sessions.delete(code);
  }

  async count(): Promise<number> {
    return this.sessions.size;
  }
}
