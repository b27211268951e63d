import type { Clock, TimerHandle } from '../../server/clock';

interface Timer {
  at: number;
  every: number | null;
  callback: () => void;
}

/** A clock that moves only when a test says so, firing due timers in time order. */
export class FakeClock implements Clock {
  private timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, null);
  }

  setInterval(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, ms);
  }

  clear(handle: TimerHandle): void {
    this.timers.delete(handle.timer as number);
  }

  /** Moves time forward, running each timer that falls due at its own time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let dueId: number | null = null;
      let due: Timer | null = null;
      for (const [id, timer] of this.timers)
        if (timer.at <= end && (!due || timer.at < due.at)) [dueId, due] = [id, timer];
      if (dueId === null || !due) break;
      this.time = due.at;
      if (due.every === null) this.timers.delete(dueId);
      else due.at += due.every;
      due.callback();
    }
    this.time = end;
  }

  /** Moves time forward without firing anything: a timer that is late. */
  skip(ms: number): void {
    this.time += ms;
  }

  private add(callback: () => void, ms: number, every: number | null): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), every, callback });
    return { timer: id };
  }
}
