import { describe, expect, it } from 'vitest';
import type { HostToken, JoinCode, ParticipantToken } from '../../src/domain/live-protocol';
import { createTokenStore, TOKEN_MAX_AGE_MS } from '../../src/lib/live-tokens';
import { MemoryStorage } from '../fakes/fake-websocket';
import { HOST_TOKEN, TOKEN_ANA } from '../factories-live-client';

const CODE = 'K8SABC' as JoinCode;
const OTHER = 'XYZ234' as JoinCode;
const host = HOST_TOKEN as HostToken;
const ana = { token: TOKEN_ANA as ParticipantToken, name: 'Ana' };

function setup() {
  const storage = new MemoryStorage();
  let now = 1_000_000;
  const tokens = createTokenStore(storage, () => now);
  return { storage, tokens, later: (ms: number) => (now += ms) };
}

describe('token store', () => {
  it('keeps host and participant tokens per join code, across a new store (a reload)', () => {
    const { storage, tokens } = setup();
    expect(tokens.saveHost(CODE, host)).toBe(true);
    expect(tokens.savePlayer(CODE, ana)).toBe(true);
    const reloaded = createTokenStore(storage, () => 1_000_500);
    expect(reloaded.host(CODE)).toBe(host);
    expect(reloaded.player(CODE)).toEqual(ana);
    expect(reloaded.host(OTHER)).toBeNull();
    expect(reloaded.player(OTHER)).toBeNull();
    reloaded.forgetPlayer(CODE);
    expect(reloaded.player(CODE)).toBeNull();
    expect(reloaded.host(CODE)).toBe(host);
  });

  it.each([
    ['not JSON', '{nope'],
    ['a bare string', JSON.stringify(HOST_TOKEN)],
    ['a token of the wrong shape', JSON.stringify({ v: 1, token: 'short', savedAt: 1 })],
    [
      'markup in the token',
      JSON.stringify({ v: 1, token: '<img src=x onerror=alert(1)>', savedAt: 1 }),
    ],
    ['an unknown version', JSON.stringify({ v: 2, token: HOST_TOKEN, savedAt: 1 })],
    ['extra fields', JSON.stringify({ v: 1, token: HOST_TOKEN, savedAt: 1, admin: true })],
  ])('treats a tampered host entry (%s) as absent and removes it', (_, raw) => {
    const { storage, tokens } = setup();
    storage.setItem(`kst.live.host.${CODE}`, raw);
    expect(tokens.host(CODE)).toBeNull();
    expect(storage.getItem(`kst.live.host.${CODE}`)).toBeNull();
  });

  it('refuses a saved participant whose name breaks the name rules', () => {
    const { storage, tokens } = setup();
    const raw = { v: 1, token: TOKEN_ANA, name: 'x'.repeat(40), savedAt: 1_000_000 };
    storage.setItem(`kst.live.player.${CODE}`, JSON.stringify(raw));
    expect(tokens.player(CODE)).toBeNull();
  });

  it('forgets entries older than a day and prunes them when saving another', () => {
    const { storage, tokens, later } = setup();
    tokens.saveHost(OTHER, host);
    later(TOKEN_MAX_AGE_MS + 1);
    tokens.savePlayer(CODE, ana);
    expect(storage.keys()).toEqual([`kst.live.player.${CODE}`]);
    later(TOKEN_MAX_AGE_MS + 1);
    expect(tokens.player(CODE)).toBeNull();
  });

  it('works, keeping nothing, when storage is missing or throws', () => {
    const none = createTokenStore(null, () => 0);
    expect(none.saveHost(CODE, host)).toBe(false);
    expect(none.host(CODE)).toBeNull();
    const throwing = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const broken = createTokenStore(throwing, () => 0);
    expect(broken.saveHost(CODE, host)).toBe(false);
    expect(broken.host(CODE)).toBeNull();
    expect(() => broken.forgetPlayer(CODE)).not.toThrow();
  });
});
