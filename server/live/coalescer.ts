import type { Clock, TimerHandle } from '../clock';

/**
 * Runs `flush` at most once per `intervalMs`: the first request in a quiet spell flushes at once,
 * later ones within the interval are folded into one flush at its end. 2,000 joins in two seconds
 * become about eight host views, not 2,000.
 */
export class Coalescer {
  private lastAt = Number.NEGATIVE_INFINITY;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly flush: () => void,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.lastAt + this.intervalMs - this.clock.now();
    if (wait <= 0) this.fire();
    else this.timer = this.clock.setTimeout(() => this.fire(), wait);
  }

  /** The caller sends the fresh value itself: drop what is pending and restart the interval. */
  sentNow(): void {
    this.cancel();
    this.lastAt = this.clock.now();
  }

  cancel(): void {
    if (this.timer) this.clock.clear(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    this.lastAt = this.clock.now();
    this.flush();
  }
}
