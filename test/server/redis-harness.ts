import { once } from 'node:events';
import { systemClock } from '../../server/clock';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config';
import { redisBackend } from '../../server/live/redis/backend';
import { connectRedis, type RedisLink } from '../../server/live/redis/connection';
import { RedisKeys } from '../../server/live/redis/keys';
import { defineScripts } from '../../server/live/redis/scripts';
import { RedisSessionStore } from '../../server/live/redis/store';
import { startTempRedis, type TempRedis, type TempRedisOptions } from '../../scripts/temp-redis';
import { startServer, type Harness } from './live-harness';

/**
 * A real Redis for the tests (never a mock): Debian's redis-server on a free port in a temporary
 * folder, started by the test file and stopped after it. Without redis-server installed, the
 * test fails and says how to install it.
 */
export interface TestRedis extends TempRedis {
  /** A connection of the test's own, closed with `stop`. */
  link(): Promise<RedisLink>;
}

export async function startRedis(options?: TempRedisOptions): Promise<TestRedis> {
  const server = await startTempRedis(options);
  const links: RedisLink[] = [];
  return {
    ...server,
    async link() {
      const link = connectRedis(server.url, 'test', {
        resubscribed: () => undefined,
        log: () => undefined,
      });
      links.push(link);
      if (!link.ready()) await once(link.commands, 'ready');
      if (link.subscriber.status !== 'ready') await once(link.subscriber, 'ready');
      return link;
    },
    async stop() {
      await Promise.all(links.map((link) => link.close()));
      await server.stop();
    },
  };
}

let prefixes = 0;

/** A Redis store under a key prefix of its own, so tests sharing one Redis do not meet. */
export async function redisStoreFor(redis: TestRedis, prefix = `t${prefixes++}:`) {
  const link = await redis.link();
  return new RedisSessionStore(link.commands, defineScripts(link.commands), new RedisKeys(prefix));
}

/**
 * A server in this test process on the test's Redis, with its own process id: two of them are two
 * processes sharing sessions (everything but a crash can be tested this way, without spawning).
 */
export async function startRedisServer(
  redis: TestRedis,
  name: string,
  config: Partial<ServerConfig> = {},
  keyPrefix?: string,
): Promise<Harness> {
  const full = { ...DEFAULT_CONFIG, ...config };
  const backend = redisBackend({
    url: redis.url,
    processId: name,
    sessionsPerMinute: full.sessionsPerMinute,
    log: () => undefined,
    ...(keyPrefix ? { keyPrefix } : {}),
  });
  const h = await startServer(config, { backend, clock: systemClock, processId: name });
  const until = Date.now() + 15_000;
  while ((await fetch(`${h.http}/healthz`)).status !== 200) {
    if (Date.now() > until) throw new Error(`${name} did not register with Redis`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return h;
}
