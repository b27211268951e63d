import type { CreationLimiter } from '../rate-limit';
import type { RedisKeys } from './keys';
import type { Scripts } from './scripts';
import { reach } from './store';

/** Session creation per client address, one allowance for all processes (GCRA in Redis). */
export class RedisCreationLimiter implements CreationLimiter {
  private readonly intervalMs: number;

  constructor(
    private readonly scripts: Scripts,
    private readonly keys: RedisKeys,
    private readonly perMinute: number,
  ) {
    this.intervalMs = Math.ceil(60_000 / perMinute);
  }

  async take(key: string): Promise<number> {
    return Number(
      await reach('check the creation limit', () =>
        this.scripts.take(this.keys.creations(key), this.intervalMs, this.perMinute),
      ),
    );
  }
}
