import { afterAll, beforeAll } from 'vitest';
import { MemorySessionStore } from '../../server/live/session-store';
import { redisStoreFor, startRedis, type TestRedis } from './redis-harness';
import { storeContract } from './store-contract';

storeContract('in memory', async () => new MemorySessionStore());

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

storeContract('Redis', () => redisStoreFor(redis));
