import type { Backend } from '../backend';
import { connectRedis } from './connection';
import { RedisFanOut } from './fanout';
import { RedisKeys } from './keys';
import { RedisCreationLimiter } from './limiter';
import { DEFAULT_HEARTBEAT, RedisPlacement, type HeartbeatOptions } from './placement';
import { defineScripts } from './scripts';
import { RedisSessionStore } from './store';

/** Out of reach of Redis this long, a process asks its connections to come back later. */
export const CUT_OFF_MS = 10_000;

export interface RedisBackendOptions {
  url: string;
  processId: string;
  sessionsPerMinute: number;
  keyPrefix?: string;
  heartbeat?: HeartbeatOptions;
  log: (message: string, error?: unknown) => void;
}

/** Sessions in Redis, shared by every process that points at the same Redis. */
export function redisBackend(options: RedisBackendOptions): Backend {
  const { processId, log } = options;
  let reannounce = () => undefined as void;
  let stopCutOff: () => unknown = () => undefined;
  const link = connectRedis(options.url, `kst:${processId}`, {
    // Messages published while this process's subscription was down were missed.
    resubscribed: () => reannounce(),
    log,
  });
  const keys = new RedisKeys(options.keyPrefix);
  const scripts = defineScripts(link.commands);
  const placement = new RedisPlacement(
    link,
    scripts,
    keys,
    processId,
    log,
    options.heartbeat ?? DEFAULT_HEARTBEAT,
  );

  link.commands.once('ready', () => {
    link.commands
      .config('GET', 'appendonly')
      .then((answer) => {
        if (Array.isArray(answer) && answer[1] === 'no')
          log(
            `Redis at ${link.where} keeps no append-only file: if it restarts, every session in it is lost. ` +
              'Set "appendonly yes" (see docs/scaling.md).',
          );
      })
      .catch(() => undefined);
  });

  return {
    shared: true,
    store: new RedisSessionStore(link.commands, scripts, keys),
    fanout: new RedisFanOut(link, keys, processId, log),
    placement,
    limiter: new RedisCreationLimiter(scripts, keys, options.sessionsPerMinute),
    async health() {
      const problem = `Redis at ${link.where} is not reachable.`;
      if (!link.ready()) return { ok: false, store: 'redis', problem };
      if (!placement.registered)
        return { ok: false, store: 'redis', problem: 'Registering this process with Redis.' };
      try {
        await Promise.race([
          link.commands.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000).unref()),
        ]);
        return { ok: true, store: 'redis' };
      } catch {
        return { ok: false, store: 'redis', problem };
      }
    },
    start(hooks) {
      reannounce = () => hooks.reannounce();
      let cutOff: NodeJS.Timeout | null = null;
      link.commands.on('close', () => {
        cutOff ??= setTimeout(() => {
          log(
            `Redis at ${link.where} out of reach for ${CUT_OFF_MS / 1000} s: closing connections.`,
          );
          hooks.cutOff();
        }, CUT_OFF_MS);
      });
      link.commands.on('ready', () => {
        if (cutOff) clearTimeout(cutOff);
        cutOff = null;
      });
      stopCutOff = () => cutOff && clearTimeout(cutOff);
      placement.start(hooks);
    },
    async close() {
      reannounce = () => undefined;
      stopCutOff();
      await placement.close();
      await link.close();
    },
  };
}
