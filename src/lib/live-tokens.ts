import { z } from 'zod/mini';
import '../domain/zod-messages';
import {
  hostTokenSchema,
  nameSchema,
  participantTokenSchema,
  type HostToken,
  type JoinCode,
  type ParticipantToken,
} from '../domain/live-protocol';

/**
 * The secrets that let a browser take its place in a live session again after a refresh, a
 * network drop or a phone asleep: the host token (only it controls the session) and the
 * participant token (same person, same score). Kept in localStorage keyed by join code.
 *
 * What comes back from storage is untrusted: another script, an old version or a person may have
 * changed it. A value that does not parse is removed and treated as absent.
 */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'kst.live.';
/** Sessions expire after 2 hours idle; a day covers any real session, and old keys go. */
export const TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const hostRecord = z.strictObject({
  v: z.literal(1),
  token: hostTokenSchema,
  savedAt: z.int().check(z.nonnegative()),
});
const playerRecord = z.strictObject({
  v: z.literal(1),
  token: participantTokenSchema,
  name: nameSchema,
  savedAt: z.int().check(z.nonnegative()),
});
export type SavedPlayer = { token: ParticipantToken; name: string };

const hostKey = (code: JoinCode) => `${PREFIX}host.${code}`;
const playerKey = (code: JoinCode) => `${PREFIX}player.${code}`;

export interface TokenStore {
  host(code: JoinCode): HostToken | null;
  saveHost(code: JoinCode, token: HostToken): boolean;
  forgetHost(code: JoinCode): void;
  player(code: JoinCode): SavedPlayer | null;
  savePlayer(code: JoinCode, player: SavedPlayer): boolean;
  forgetPlayer(code: JoinCode): void;
}

/** `storage` may be null or throw (private mode, storage disabled): then nothing is kept. */
export function createTokenStore(storage: KeyValueStorage | null, now: () => number): TokenStore {
  function read<T extends { savedAt: number }>(key: string, schema: z.ZodMiniType<T>): T | null {
    let raw: string | null;
    try {
      raw = storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
    if (raw === null) return null;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success || now() - parsed.data.savedAt > TOKEN_MAX_AGE_MS) {
      remove(key);
      return null;
    }
    return parsed.data;
  }

  function write(key: string, value: object): boolean {
    if (!storage) return false;
    try {
      prune();
      storage.setItem(key, JSON.stringify({ v: 1, ...value, savedAt: now() }));
      return true;
    } catch {
      return false;
    }
  }

  function remove(key: string) {
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing more to do: storage is unavailable.
    }
  }

  /** Drops this app's session keys that are too old to belong to a live session. */
  function prune() {
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      if (key.startsWith(`${PREFIX}host.`)) read(key, hostRecord);
      else read(key, playerRecord);
    }
  }

  return {
    host: (code) => read(hostKey(code), hostRecord)?.token ?? null,
    saveHost: (code, token) => write(hostKey(code), { token }),
    forgetHost: (code) => remove(hostKey(code)),
    player(code) {
      const record = read(playerKey(code), playerRecord);
      return record ? { token: record.token, name: record.name } : null;
    },
    savePlayer: (code, player) =>
      write(playerKey(code), { token: player.token, name: player.name }),
    forgetPlayer: (code) => remove(playerKey(code)),
  };
}

/** The browser's localStorage, or null where reading it throws (some privacy settings). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
