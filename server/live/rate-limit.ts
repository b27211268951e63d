/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. Time comes from the caller.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond,
    );
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket would be full by now (an idle client that can be forgotten). */
  isFull(now: number): boolean {
    return this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond >= this.burst;
  }

  /** Seconds until one more is allowed. */
  waitSeconds(now: number): number {
    const tokens = this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond;
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perSecond);
  }
}

/** One bucket per key (a client address), forgetting idle keys so the map cannot grow forever. */
export class KeyedLimiter {
  private buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** 0 if allowed now, otherwise the seconds to wait. */
  take(key: string, now: number): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forgetIdle(now);
      bucket = new TokenBucket(this.burst, this.perSecond, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now) ? 0 : Math.max(1, bucket.waitSeconds(now));
  }

  private forgetIdle(now: number) {
    for (const [key, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(key);
  }
}

/**
 * Session creation per client address. In one process a map of buckets; with Redis one bucket per
 * address for all processes, so adding processes does not multiply the limit.
 */
export interface CreationLimiter {
  /** 0 if allowed now, otherwise the seconds to wait. */
  take(key: string, now: number): Promise<number>;
}

export class MemoryCreationLimiter implements CreationLimiter {
  private limiter: KeyedLimiter;
  constructor(perMinute: number) {
    this.limiter = new KeyedLimiter(perMinute, perMinute / 60);
  }
  async take(key: string, now: number): Promise<number> {
    return this.limiter.take(key, now);
  }
}
