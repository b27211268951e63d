import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BackendHooks } from '../../server/live/backend';
import type { ForwardedCommand } from '../../server/live/placement';
import { connectRedis, type RedisLink } from '../../server/live/redis/connection';
import { RedisKeys } from '../../server/live/redis/keys';
import { RedisPlacement } from '../../server/live/redis/placement';
import { defineScripts } from '../../server/live/redis/scripts';
import type { JoinCode } from '../../src/domain/live-protocol';
import { waitFor } from './cluster-harness';
import { startRedis, type TestRedis } from './redis-harness';

let redis: TestRedis;
let sender: RedisLink;
const links: RedisLink[] = [];

beforeAll(async () => {
  redis = await startRedis();
  sender = await redis.link();
});

afterAll(async () => {
  await Promise.all(links.map((link) => link.close()));
  await redis.stop();
});

function lost(connection: string): ForwardedCommand {
  return {
    code: 'ABC234' as JoinCode,
    command: { type: 'connections-lost', connections: [connection] },
    sender: null,
    hops: 0,
  };
}

/** A process's placement on its own two connections, recording what is forwarded to it. */
async function processWithInbox(processId: string, keys: RedisKeys) {
  const link = connectRedis(redis.url, processId, {
    resubscribed: () => undefined,
    log: () => undefined,
  });
  links.push(link);
  const logged: string[] = [];
  const placement = new RedisPlacement(link, defineScripts(link.commands), keys, processId, (m) =>
    logged.push(m),
  );
  const forwarded: ForwardedCommand[] = [];
  const hooks: BackendHooks = {
    forwarded: (command) => forwarded.push(command),
    adopt: () => undefined,
    alive: () => undefined,
    running: () => [],
    notOwned: () => undefined,
    reannounce: () => undefined,
    cutOff: () => undefined,
  };
  placement.start(hooks);
  await waitFor(`${processId} to register`, async () => placement.registered);
  return { link, placement, forwarded, logged };
}

/** Publishes to the process's inbox and waits until its subscriber connection has the message. */
async function deliver(link: RedisLink, inbox: string, command: ForwardedCommand) {
  const received = once(link.subscriber, 'message');
  const listeners = await sender.commands.publish(inbox, JSON.stringify(command));
  expect(listeners).toBe(1);
  await received;
}

it('holds commands forwarded while only its subscriber is back, and runs them, in order, once it can reach the store', async () => {
  const keys = new RedisKeys('held:');
  const a = await processWithInbox('procA', keys);
  const inbox = keys.inbox('procA');

  await deliver(a.link, inbox, lost('b:1'));
  expect(a.forwarded).toEqual([lost('b:1')]);

  // Half reachable: the subscriber is up (others count it as listening), the command connection
  // is not, so nothing forwarded now could be stored.
  a.link.commands.disconnect();
  await waitFor('the command connection to drop', async () => !a.link.ready());
  await deliver(a.link, inbox, lost('b:2'));
  await deliver(a.link, inbox, lost('b:3'));
  expect(a.forwarded).toEqual([lost('b:1')]);

  await a.link.commands.connect();
  await waitFor('the held commands to run', async () => a.forwarded.length === 3);
  expect(a.forwarded).toEqual([lost('b:1'), lost('b:2'), lost('b:3')]);
  await a.placement.close();
});

it('holds at most 10,000 commands while half reachable, and says how many it dropped', async () => {
  const keys = new RedisKeys('cap:');
  const a = await processWithInbox('procCap', keys);
  const inbox = keys.inbox('procCap');
  a.link.commands.disconnect();
  await waitFor('the command connection to drop', async () => !a.link.ready());

  let received = 0;
  const all = new Promise<void>((resolve) =>
    a.link.subscriber.on('message', () => ++received === 10_002 && resolve()),
  );
  const batch = sender.commands.pipeline();
  for (let i = 0; i < 10_002; i++) batch.publish(inbox, JSON.stringify(lost(`b:${i}`)));
  await batch.exec();
  await all;
  expect(a.forwarded).toEqual([]);

  await a.link.commands.connect();
  await waitFor('the held commands to run', async () => a.forwarded.length === 10_000);
  expect(a.forwarded.at(-1)).toEqual(lost('b:9999'));
  expect(a.logged).toContain(
    'Dropped 2 forwarded commands that came while Redis was half reachable (kept the first 10000).',
  );
  await a.placement.close();
});
