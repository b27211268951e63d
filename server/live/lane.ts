import type { LiveCommand } from '../../src/domain/live-handlers';
import type { JoinCode } from '../../src/domain/live-protocol';
import type { ChangeEvent, LiveSession } from '../../src/domain/live-session';
import type { Clock, TimerHandle } from '../clock';
import { Coalescer } from './coalescer';
import { processOf } from './sockets';

export interface Queued {
  command: LiveCommand;
  sender: string | null;
  hops: number;
  done: () => void;
}

export interface LaneOptions {
  clock: Clock;
  hostViewMs: number;
  progressMs: number;
  hostView: () => void;
  progress: () => void;
}

/**
 * One session as the process that runs it holds it: the state and its version in the store, the
 * queue of commands, the timers, and the coalesced updates to the host.
 */
export class Lane {
  readonly code: JoinCode;
  state: LiveSession;
  /** How many change events the store holds for this session. */
  version: number;
  queue: Queued[] = [];
  running = false;
  /** The last write failed in a way that leaves its outcome unknown: reload before writing. */
  stale = false;
  gone = false;
  /** Processes with a connection in this session (a connection id starts with its process id). */
  readonly holders = new Set<string>();
  readonly hostView: Coalescer;
  readonly progress: Coalescer;
  private deadline: { index: number; timer: TimerHandle } | null = null;
  private idle: TimerHandle | null = null;
  private retry: TimerHandle | null = null;

  constructor(
    state: LiveSession,
    version: number,
    private readonly options: LaneOptions,
  ) {
    this.code = state.code;
    this.state = state;
    this.version = version;
    this.hostView = new Coalescer(options.clock, options.hostViewMs, options.hostView);
    this.progress = new Coalescer(options.clock, options.progressMs, options.progress);
    this.countHolders();
  }

  /** The batch is stored: its state is the lane's now. */
  advance(state: LiveSession, events: readonly ChangeEvent[]) {
    this.state = state;
    this.version += events.length;
    for (const event of events)
      if (event.type === 'presence' && event.delta === 1)
        this.holders.add(processOf(event.connection));
  }

  /** The state as read back from the store. */
  reset(state: LiveSession, version: number) {
    this.state = state;
    this.version = version;
    this.stale = false;
    this.holders.clear();
    this.countHolders();
  }

  /**
   * Timers follow the state: the open question's deadline (absolute, so a process that takes the
   * session over keeps the time it had) and the idle expiry (measured from the last activity).
   */
  armTimers(onDeadline: (index: number) => void, onIdle: () => void) {
    const { clock } = this.options;
    const { state } = this;
    const open = state.phase.phase === 'question' ? state.rounds[state.phase.index] : undefined;
    if (this.deadline && this.deadline.index !== open?.index) {
      clock.clear(this.deadline.timer);
      this.deadline = null;
    }
    if (open && open.deadline !== null && !this.deadline) {
      const index = open.index;
      this.deadline = {
        index,
        timer: clock.setTimeout(
          () => {
            this.deadline = null;
            onDeadline(index);
          },
          Math.max(0, open.deadline - clock.now()),
        ),
      };
    }
    if (!this.idle) {
      const due = state.lastActiveAt + state.limits.idleMs - clock.now();
      this.idle = clock.setTimeout(
        () => {
          this.idle = null;
          onIdle();
        },
        Math.max(0, due),
      );
    }
  }

  /** Runs `again` once after `ms` (one pending retry at a time). */
  retryLater(ms: number, again: () => void) {
    if (this.retry) return;
    this.retry = this.options.clock.setTimeout(() => {
      this.retry = null;
      again();
    }, ms);
  }

  stop() {
    this.gone = true;
    const { clock } = this.options;
    if (this.deadline) clock.clear(this.deadline.timer);
    if (this.idle) clock.clear(this.idle);
    if (this.retry) clock.clear(this.retry);
    this.deadline = this.idle = this.retry = null;
    this.hostView.cancel();
    this.progress.cancel();
  }

  private countHolders() {
    for (const open of this.state.presence.values())
      for (const connection of open) this.holders.add(processOf(connection));
  }
}
