import { handle, type LiveCommand, type Outcome } from '../../src/domain/live-handlers';
import type { ErrorCode, JoinCode, ServerMessage } from '../../src/domain/live-protocol';
import type { CreatedEvent, LiveSession } from '../../src/domain/live-session';
import { initialState } from '../../src/domain/live-session';
import type { Clock } from '../clock';
import { deliveriesFor, hostViewDelivery, progressDelivery } from './deliveries';
import type { Delivery, FanOut } from './fanout';
import { Lane, type Queued } from './lane';
import type { Placement } from './placement';
import {
  StoreUnavailable,
  VersionConflict,
  type CreateResult,
  type SessionStore,
} from './session-store';
import { processOf } from './sockets';

export interface RunnerOptions {
  store: SessionStore;
  fanout: FanOut;
  placement: Placement;
  clock: Clock;
  /** Least time between two host views (joins, leaves, connection changes); phase changes go at once. */
  hostViewMs: number;
  /** Least time between two answered-count updates to the host. */
  progressMs: number;
  log?: (message: string, error?: unknown) => void;
}

const IDENTIFY: ReadonlySet<LiveCommand['type']> = new Set(['host-hello', 'join', 'rejoin']);

/** A forwarded command passed on more often than this is refused: ownership is moving too fast. */
const MAX_HOPS = 3;
/** After a failure, a timer's command (deadline, expiry) is tried again this much later. */
const RETRY_MS = 1000;

/**
 * Runs sessions' commands. Three separate steps, so a shared store and cross-process delivery can
 * replace their in-memory versions without touching the others:
 *
 * 1. run: the pure handler computes the next state, its events and its effects;
 * 2. persist: the store holds the events before anything is sent (an ack means "stored");
 * 3. deliver: effects become deliveries, serialized once, published on the fan-out.
 *
 * A session runs in the one process that owns it (the `Placement` decides; commands received
 * elsewhere are forwarded). Its commands run in arrival order, in batches: while one batch is
 * being written, the commands that arrive queue up and are written together as the next one, so
 * a burst of 1,000 answers is a few writes, not 1,000 in a row. A failed write refuses the whole
 * batch (nothing acknowledged) and leaves the session as it was.
 */
export class SessionRunner {
  private lanes = new Map<JoinCode, Lane>();
  private opening = new Map<JoinCode, Promise<Lane | null>>();
  private stopped = false;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: RunnerOptions) {
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  }

  /** Sessions this process runs now. */
  get running(): number {
    return this.lanes.size;
  }

  codes(): JoinCode[] {
    return [...this.lanes.keys()];
  }

  /** Saves a new session and starts running it here. */
  async create(created: CreatedEvent, maxSessions: number): Promise<CreateResult> {
    const state = initialState(created);
    const result = await this.options.store.create(created, state, maxSessions);
    if (result !== 'created') return result;
    try {
      await this.options.placement.claim(created.code, created.limits.idleMs);
    } catch (error) {
      // Nobody would run it: take it back rather than leave it to expire.
      await this.options.store.delete(created.code).catch(() => undefined);
      throw error;
    }
    this.startLane(state, 0);
    return result;
  }

  /**
   * Queues a command for a session. `sender` is the connection that sent it (for replies), or null
   * for the server's own commands (timers, closed connections). Resolves once it has been run,
   * persisted and delivered here, or forwarded to the process that runs the session.
   */
  submit(code: JoinCode, command: LiveCommand, sender: string | null, hops = 0): Promise<void> {
    // Shutting down: what the closing sockets report is for whoever takes the sessions over.
    if (this.stopped) return Promise.resolve();
    const lane = this.lanes.get(code);
    if (lane && !lane.gone) return this.enqueue(lane, { command, sender, hops });
    return this.route(code, command, sender, hops);
  }

  /** Takes over a session whose owner died (found by the process's sweep, not by a command). */
  async adopt(code: JoinCode): Promise<void> {
    if (this.lanes.has(code)) return;
    try {
      await this.openLane(code, true);
    } catch (error) {
      this.log(`Session ${code}: could not take it over`, brief(error));
    }
  }

  /** Stops running these sessions here (another process owns them now); keeps them stored. */
  forget(codes: readonly JoinCode[]): void {
    for (const code of codes) {
      const lane = this.lanes.get(code);
      if (lane) this.dropLane(lane);
    }
  }

  /**
   * Only these processes are alive: whoever was connected through another one is not any more.
   * Each session run here that counted such a connection drops it (which alone does not close
   * the open question: the people it knocked out may be on their way back).
   */
  keepConnectionsOf(live: ReadonlySet<string>): void {
    for (const lane of this.lanes.values()) this.dropLostConnections(lane, (p) => !live.has(p));
  }

  /** Stops every timer and takes no more commands (server shutdown). */
  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) this.dropLane(lane);
  }

  private async route(
    code: JoinCode,
    command: LiveCommand,
    sender: string | null,
    hops: number,
  ): Promise<void> {
    if (hops > MAX_HOPS) {
      this.refuse(code, sender, 'unavailable', 'The server is busy moving this session.', command);
      return;
    }
    let lane: Lane | null;
    try {
      const where = await this.options.placement.route({ code, command, sender, hops });
      if (where.kind === 'forwarded') return;
      lane = where.kind === 'missing' ? null : await this.openLane(code, where.takeover);
    } catch (error) {
      this.log(`Session ${code}: could not reach it for "${command.type}"`, brief(error));
      this.refuse(
        code,
        sender,
        'unavailable',
        'The server cannot reach its session store just now. Try again in a moment.',
        command,
      );
      return;
    }
    if (!lane || lane.gone) {
      this.refuse(
        code,
        sender,
        'unknown-session',
        `There is no session with code ${code}. Check the code.`,
        command,
      );
      return;
    }
    return this.enqueue(lane, { command, sender, hops });
  }

  private openLane(code: JoinCode, takeover: boolean): Promise<Lane | null> {
    const existing = this.lanes.get(code);
    if (existing) return Promise.resolve(existing);
    let opening = this.opening.get(code);
    if (!opening) {
      opening = this.options.store
        .load(code)
        .then((stored) => {
          if (!stored) return null;
          const lane = this.lanes.get(code) ?? this.startLane(stored.state, stored.version);
          if (takeover) void this.afterTakeover(lane);
          return lane;
        })
        .finally(() => this.opening.delete(code));
      this.opening.set(code, opening);
    }
    return opening;
  }

  /**
   * A session taken from a process that died: the connections that process held are gone, and
   * what it stored last may never have been sent.
   */
  private async afterTakeover(lane: Lane) {
    try {
      const live = await this.options.placement.liveProcesses();
      if (live) this.dropLostConnections(lane, (p) => !live.has(p));
    } catch (error) {
      this.log(`Session ${lane.code}: could not check which processes are alive`, brief(error));
    }
    void this.enqueue(lane, { command: { type: 'resync' }, sender: null, hops: 0 });
  }

  private dropLostConnections(lane: Lane, dead: (process: string) => boolean) {
    const gone = [...lane.holders].filter(dead);
    if (gone.length === 0) return;
    for (const process of gone) lane.holders.delete(process);
    const lost: string[] = [];
    for (const open of lane.state.presence.values())
      for (const connection of open) if (dead(processOf(connection))) lost.push(connection);
    if (lost.length > 0)
      void this.enqueue(lane, {
        command: { type: 'connections-lost', connections: lost },
        sender: null,
        hops: 0,
      });
  }

  private startLane(state: LiveSession, version: number): Lane {
    const { clock, fanout } = this.options;
    const lane: Lane = new Lane(state, version, {
      clock,
      hostViewMs: this.options.hostViewMs,
      progressMs: this.options.progressMs,
      hostView: () => fanout.publish(lane.code, [hostViewDelivery(lane.state, clock.now())]),
      progress: () => {
        const delivery = progressDelivery(lane.state);
        if (delivery) fanout.publish(lane.code, [delivery]);
      },
    });
    this.lanes.set(state.code, lane);
    this.armTimers(lane);
    return lane;
  }

  private enqueue(lane: Lane, item: Omit<Queued, 'done'>): Promise<void> {
    return new Promise((resolve) => {
      lane.queue.push({ ...item, done: resolve });
      void this.drain(lane);
    });
  }

  /** Runs the lane's queue, a batch at a time, until it is empty. */
  private async drain(lane: Lane) {
    if (lane.running) return;
    lane.running = true;
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0);
        try {
          await this.runBatch(lane, batch);
        } catch (error) {
          // runBatch reports its own failures; this is a bug, and the queue must go on.
          this.log(`Session ${lane.code}: a batch failed`, error);
        } finally {
          for (const item of batch) item.done();
        }
      }
    } finally {
      lane.running = false;
    }
  }

  private async runBatch(lane: Lane, batch: Queued[]) {
    const { store, clock } = this.options;
    if (lane.gone) {
      for (const item of batch) this.reroute(lane.code, item);
      return;
    }
    if (lane.stale) {
      // The last write's outcome is unknown: read the log back before deciding anything on it.
      try {
        const stored = await store.load(lane.code);
        if (!stored) {
          this.endLane(lane, batch);
          return;
        }
        lane.reset(stored.state, stored.version);
      } catch (error) {
        this.log(`Session ${lane.code}: could not reload it`, brief(error));
        this.refuseBatch(lane, batch);
        return;
      }
    }

    const now = clock.now();
    let state = lane.state;
    const events: Outcome['events'] = [];
    const ran: { item: Queued; outcome: Outcome }[] = [];
    let expired = false;
    for (const item of batch) {
      if (expired) {
        ran.push({ item, outcome: ended(state, item.command) });
        continue;
      }
      const outcome = handle(state, item.command, now);
      state = outcome.state;
      events.push(...outcome.events);
      ran.push({ item, outcome });
      expired = outcome.events.some((e) => e.type === 'expired');
    }

    if (events.length > 0)
      try {
        await store.append(lane.code, lane.version, events, state);
      } catch (error) {
        if (error instanceof VersionConflict) {
          // Another process wrote to this session: it runs it now. Ours is out of date.
          this.log(`Session ${lane.code}: moved to another process (${error.message})`);
          this.dropLane(lane);
          for (const item of batch) this.reroute(lane.code, item);
        } else {
          this.log(`Session ${lane.code}: could not store ${events.length} events`, brief(error));
          lane.stale = true;
          this.refuseBatch(lane, batch);
        }
        return;
      }

    lane.advance(state, events);
    const deliveries: Delivery[] = [];
    let urgentHostView = false;
    for (const { item, outcome } of ran) {
      const made = deliveriesFor(outcome.effects, item.command, item.sender);
      deliveries.push(...made.deliveries);
      if (item.sender !== null) deliveries.push({ kind: 'settled', connection: item.sender });
      if (made.hostView === 'urgent') urgentHostView = true;
      else if (made.hostView === 'later') lane.hostView.request();
      if (made.progress) lane.progress.request();
    }
    this.options.fanout.publish(lane.code, deliveries, (id) =>
      lane.state.presence.get(id)?.map(processOf),
    );
    // The host's view (the whole room: 150 KB for 2,000 people) is built after the room has its
    // messages, so a reveal never waits for it.
    if (urgentHostView) {
      lane.hostView.sentNow();
      this.options.fanout.publish(lane.code, [hostViewDelivery(lane.state, clock.now())]);
    }
    if (expired) {
      this.dropLane(lane);
      await Promise.all([store.delete(lane.code), this.options.placement.release(lane.code)]).catch(
        (error: unknown) => this.log(`Session ${lane.code}: delete failed`, brief(error)),
      );
    } else {
      this.armTimers(lane);
    }
  }

  /** A command for a lane that is no longer here: to wherever the session runs now. */
  private reroute(code: JoinCode, item: Queued) {
    void this.route(code, item.command, item.sender, item.hops + 1);
  }

  private refuseBatch(lane: Lane, batch: Queued[]) {
    for (const { command, sender } of batch)
      this.refuse(
        lane.code,
        sender,
        'unavailable',
        'The server could not store that just now. Try again in a moment.',
        command,
      );
    // A timer's command is not lost with the batch: it is tried again shortly.
    lane.retryLater(RETRY_MS, () => this.armTimers(lane));
  }

  private endLane(lane: Lane, batch: Queued[]) {
    this.dropLane(lane);
    for (const { command, sender } of batch)
      this.refuse(lane.code, sender, 'session-ended', 'This session has ended.', command);
  }

  private refuse(
    code: JoinCode,
    sender: string | null,
    errorCode: ErrorCode,
    text: string,
    command: LiveCommand,
  ) {
    if (sender === null) return;
    const error: ServerMessage = {
      type: 'error',
      code: errorCode,
      message: text,
      ref: command.type,
    };
    const to = { to: 'connection', id: sender } as const;
    const deliveries: Delivery[] = [
      { kind: 'send', target: to, data: JSON.stringify(error) },
      { kind: 'settled', connection: sender },
    ];
    // Someone not yet in (a hello, join or rejoin) is asked to come back later, and their client
    // retries with backoff; people already in keep their connection and try the action again.
    if (errorCode === 'unavailable' && IDENTIFY.has(command.type))
      deliveries.push({ kind: 'retry-later', connection: sender });
    this.options.fanout.publish(code, deliveries);
  }

  /** The question's timer and the idle timer follow the state after every command. */
  private armTimers(lane: Lane) {
    if (lane.gone) return;
    lane.armTimers(
      (index) => void this.submit(lane.code, { type: 'deadline', index }, null),
      () => void this.submit(lane.code, { type: 'expire' }, null),
    );
  }

  private dropLane(lane: Lane) {
    lane.stop();
    if (this.lanes.get(lane.code) === lane) this.lanes.delete(lane.code);
  }
}

/** An unreachable store is said in one line (it repeats while it lasts); anything else in full. */
function brief(error: unknown): unknown {
  return error instanceof StoreUnavailable ? error.message : error;
}

/** What a command queued behind the session's expiry gets. */
function ended(state: LiveSession, command: LiveCommand): Outcome {
  return {
    state,
    events: [],
    effects: [
      {
        kind: 'send',
        audience: { to: 'sender' },
        message: {
          type: 'error',
          code: 'session-ended',
          message: 'This session has ended.',
          ref: command.type,
        },
      },
    ],
  };
}
