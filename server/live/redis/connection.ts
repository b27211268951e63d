import { Redis, type RedisOptions } from 'ioredis';

/**
 * The two connections a process keeps to Redis: one for commands and one for pub/sub (a
 * subscribed connection receives messages). Both fail fast while Redis is out of reach, never
 * queue: a command waiting for Redis would be a participant waiting for an answer that may never
 * come. They reconnect by themselves, with backoff, for as long as the process runs.
 */
export interface RedisLink {
  commands: Redis;
  subscriber: Redis;
  /** A short description of where Redis is, without any password in the URL. */
  where: string;
  /** Whether the command connection is up now. */
  ready(): boolean;
  /** When the command connection last became ready (ms since the epoch), or null if it is down. */
  readySince(): number | null;
  close(): Promise<void>;
}

export interface LinkEvents {
  /** The subscriber connection came back after a loss: messages in between were missed. */
  resubscribed(): void;
  log(message: string, error?: unknown): void;
}

const OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  // A command in flight when the connection drops fails at once instead of being sent again.
  maxRetriesPerRequest: 0,
  // No reply within this time: the connection is dead (a network split), drop it and reconnect.
  socketTimeout: 3000,
  connectTimeout: 3000,
  retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
};

export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'redis';
  }
}

export function connectRedis(url: string, name: string, events: LinkEvents): RedisLink {
  const where = describeRedisUrl(url);
  const commands = new Redis(url, { ...OPTIONS, connectionName: `${name}:commands` });
  const subscriber = new Redis(url, { ...OPTIONS, connectionName: `${name}:subscriber` });
  let readyAt: number | null = null;
  let down = false;
  let subscriberLost = false;
  let subscriberReady = false;

  commands.on('ready', () => {
    readyAt = Date.now();
    if (down) events.log(`Redis at ${where} is reachable again.`);
    down = false;
  });
  commands.on('close', () => {
    readyAt = null;
    if (!down) events.log(`Lost the connection to Redis at ${where}; reconnecting.`);
    down = true;
  });
  // ioredis reports every failed attempt; the close above says it once.
  commands.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  // Messages missed while the subscriber was away are made up for once both connections are back
  // (the make-up goes through the command connection).
  let owed = false;
  const settle = () => {
    if (!owed || !subscriberReady || commands.status !== 'ready') return;
    owed = false;
    events.resubscribed();
  };
  subscriber.on('ready', () => {
    subscriberReady = true;
    if (subscriberLost) owed = true;
    subscriberLost = false;
    settle();
  });
  commands.on('ready', settle);
  subscriber.on('close', () => {
    if (subscriberReady) subscriberLost = true;
    subscriberReady = false;
  });

  return {
    commands,
    subscriber,
    where,
    ready: () => commands.status === 'ready',
    readySince: () => readyAt,
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
