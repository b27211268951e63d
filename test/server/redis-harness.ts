import { once } from 'node:events';
import { connectRedis, type RedisLink } from '../../server/live/redis/connection';
import { RedisKeys } from '../../server/live/redis/keys';
import { defineScripts } from '../../server/live/redis/scripts';
import { RedisSessionStore } from '../../server/live/redis/store';
import { startTempRedis, type TempRedis, type TempRedisOptions } from '../../scripts/temp-redis';

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
