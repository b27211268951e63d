import type { Redis } from 'ioredis';
import { parseChangeEvent, parseCreatedEvent } from '../../../src/domain/live-event-schema';
import type { JoinCode } from '../../../src/domain/live-protocol';
import {
  replay,
  type ChangeEvent,
  type CreatedEvent,
  type LiveSession,
} from '../../../src/domain/live-session';
import {
  StoreUnavailable,
  VersionConflict,
  type CreateResult,
  type SessionStore,
  type StoredSession,
} from '../session-store';
import type { RedisKeys } from './keys';
import type { Scripts } from './scripts';

/**
 * How long a session's keys outlive its idle limit. The process that runs a session ends it at
 * the idle limit (and tells whoever is connected); the keys' own expiry is for sessions nobody
 * runs any more (every process stopped), so Redis does not keep them forever.
 */
export const KEY_GRACE_MS = 5 * 60_000;

/**
 * Sessions in Redis: the `created` event as one string, the change events as a list (an answer
 * is one RPUSH of one small event, never the session rewritten), and every key's TTL pushed back
 * on each write. Loading replays the events.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly scripts: Scripts,
    private readonly keys: RedisKeys,
  ) {}

  async create(
    created: CreatedEvent,
    _state: LiveSession,
    maxSessions: number,
  ): Promise<CreateResult> {
    const k = this.keys;
    const result = await reach('create a session', () =>
      this.scripts.create(
        k.created(created.code),
        k.sessions,
        JSON.stringify(created),
        created.limits.idleMs + KEY_GRACE_MS,
        created.code,
        maxSessions,
      ),
    );
    if (result === 'created' || result === 'code-taken' || result === 'full') return result;
    throw new Error(`unexpected answer from the create script: ${String(result)}`);
  }

  async load(code: JoinCode): Promise<StoredSession | null> {
    const [createdText, eventTexts] = await reach('load a session', () =>
      Promise.all([
        this.redis.get(this.keys.created(code)),
        this.redis.lrange(this.keys.events(code), 0, -1),
      ]),
    );
    if (createdText === null) return null;
    const created = parseCreatedEvent(createdText);
    if (!created.ok) throw new Error(`Session ${code} in Redis cannot be read: ${created.error}`);
    const events: ChangeEvent[] = [];
    eventTexts.forEach((text, i) => {
      const event = parseChangeEvent(text, i);
      if (!event.ok) throw new Error(`Session ${code} in Redis cannot be read: ${event.error}`);
      events.push(event.value);
    });
    return { state: replay(created.value, events), version: events.length };
  }

  async append(
    code: JoinCode,
    version: number,
    events: readonly ChangeEvent[],
    next: LiveSession,
  ): Promise<void> {
    const k = this.keys;
    const result = Number(
      await reach('store events', () =>
        this.scripts.append(
          k.created(code),
          k.events(code),
          k.owner(code),
          k.sessions,
          version,
          next.limits.idleMs + KEY_GRACE_MS,
          code,
          ...events.map((event) => JSON.stringify(event)),
        ),
      ),
    );
    if (result === -1) throw new VersionConflict(code, 'the session is gone');
    if (result <= -2)
      throw new VersionConflict(code, `expected version ${version}, found ${-2 - result}`);
  }

  async delete(code: JoinCode): Promise<void> {
    const k = this.keys;
    await reach('delete a session', () =>
      this.scripts.remove(k.created(code), k.events(code), k.owner(code), k.sessions, code),
    );
  }

  async count(): Promise<number> {
    return Number(await reach('count sessions', () => this.scripts.count(this.keys.sessions)));
  }
}

/** Runs a Redis call; any failure to get an answer becomes `StoreUnavailable`. */
export async function reach<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailable(`Could not ${what} in Redis: ${reason}`, { cause: error });
  }
}
