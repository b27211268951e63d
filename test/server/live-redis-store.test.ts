import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisKeys } from '../../server/live/redis/keys';
import { defineScripts } from '../../server/live/redis/scripts';
import { KEY_GRACE_MS, RedisSessionStore } from '../../server/live/redis/store';
import { StoreUnavailable } from '../../server/live/session-store';
import type { JoinCode } from '../../src/domain/live-protocol';
import { initialState } from '../../src/domain/live-session';
import { createdFor, Script } from '../factories-live';
import { waitFor } from './cluster-harness';
import { startRedis, type TestRedis } from './redis-harness';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

const IDLE = 2 * 3600_000;

async function storeWithKeys(prefix: string) {
  const link = await redis.link();
  const keys = new RedisKeys(prefix);
  return {
    link,
    keys,
    store: new RedisSessionStore(link.commands, defineScripts(link.commands), keys),
  };
}

it('stores an answer as one small event, and keeps the keys alive past the idle limit', async () => {
  const { link, keys, store } = await storeWithKeys('small:');
  const code = 'SMALL2' as JoinCode;
  const created = { ...createdFor({ limits: { idleMs: IDLE } }), code };
  const state = initialState(created);
  await store.create(created, state, 10);
  const script = new Script(state);
  let version = 0;
  script.join('Ana', 0);
  script.join('Ben', 1);
  script.host('start');
  for (const outcome of script.outcomes) {
    await store.append(code, version, outcome.events, outcome.state);
    version += outcome.events.length;
  }
  const before = await link.commands.llen(keys.events(code));
  const answer = script.answer(0, 0, 'ClusterIP');
  await store.append(code, version, answer.events, answer.state);

  expect(await link.commands.llen(keys.events(code))).toBe(before + 1);
  const stored = (await link.commands.lindex(keys.events(code), -1))!;
  expect(JSON.parse(stored)).toMatchObject({ type: 'answered', index: 0, choice: 'ClusterIP' });
  expect(Buffer.byteLength(stored)).toBeLessThan(200);
  for (const key of [keys.created(code), keys.events(code)]) {
    const ttl = await link.commands.pttl(key);
    expect(ttl).toBeGreaterThan(IDLE);
    expect(ttl).toBeLessThanOrEqual(IDLE + KEY_GRACE_MS);
  }
});

it('reports a session it cannot read, naming what is wrong, instead of guessing', async () => {
  const { link, keys, store } = await storeWithKeys('bad:');
  const code = 'BAD234' as JoinCode;
  const created = { ...createdFor(), code };
  await store.create(created, initialState(created), 10);
  await link.commands.rpush(keys.events(code), '{"type":"answered","index":"zero"}');
  await expect(store.load(code)).rejects.toThrow(/BAD234.*event 0 is not valid/);
});

it(
  'says the store is unavailable while Redis is down, and works again once it is back',
  { timeout: 30_000 },
  async () => {
    const { link, store } = await storeWithKeys('down:');
    const code = 'DWN234' as JoinCode;
    const created = { ...createdFor(), code };
    const state = initialState(created);
    await store.create(created, state, 10);
    const script = new Script(state);
    script.join('Ana', 0);
    const joined = script.outcomes.at(-1)!;

    await redis.halt();
    await expect(store.append(code, 0, joined.events, joined.state)).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
    await expect(store.load(code)).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.count()).rejects.toBeInstanceOf(StoreUnavailable);

    await redis.start();
    await waitFor('the connection to come back', () => link.ready());
    await store.append(code, 0, joined.events, joined.state);
    expect((await store.load(code))?.state.active).toBe(1);
  },
);
