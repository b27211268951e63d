import {
  handle,
  type Audience,
  type Effect,
  type LiveCommand,
} from '../../src/domain/live-handlers';
import type { ErrorCode, JoinCode, ServerMessage } from '../../src/domain/live-protocol';
import type { CreatedEvent, LiveSession } from '../../src/domain/live-session';
import { initialState } from '../../src/domain/live-session';
import { answeredCount, hostView } from '../../src/domain/live-views';
import type { Clock, TimerHandle } from '../clock';
import { Coalescer } from './coalescer';
import type { Delivery, FanOut, Target } from './fanout';
import type { SessionStore } from './session-store';

export interface RunnerOptions {
  store: SessionStore;
  fanout: FanOut;
  clock: Clock;
  /** Least time between two host views (joins, leaves, connection changes); phase changes go at once. */
  hostViewMs: number;
  /** Least time between two answered-count updates to the host. */
  progressMs: number;
  log?: (message: string, error?: unknown) => void;
}

/** One session's lane: its state, its queue of commands and its timers. */
interface Lane {
  code: JoinCode;
  state: LiveSession;
  tail: Promise<void>;
  deadline: { index: number; timer: TimerHandle } | null;
  idle: TimerHandle | null;
  hostView: Coalescer;
  progress: Coalescer;
  gone: boolean;
}

/**
 * Runs sessions' commands. Three separate steps, so a shared store and cross-process delivery can
 * replace their in-memory versions without touching the others:
 *
 * 1. run: the pure handler computes the next state, its events and its effects;
 * 2. persist: the store holds the events before anything is sent (an ack means "stored");
 * 3. deliver: effects become deliveries, serialized once, published on the fan-out.
 *
 * Commands for one session run one at a time, in arrival order; sessions do not wait for each other.
 * A failure in one command is reported to its sender and leaves the session as it was.
 */
export class SessionRunner {
  private lanes = new Map<JoinCode, Lane>();
  private opening = new Map<JoinCode, Promise<Lane | null>>();
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: RunnerOptions) {
    this.log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  }

  /** Saves a new session and starts its lane; false if the code is taken. */
  async create(created: CreatedEvent): Promise<boolean> {
    const state = initialState(created);
    if (!(await this.options.store.create(created, state))) return false;
    this.startLane(state);
    return true;
  }

  /**
   * Queues a command for a session. `sender` is the connection that sent it (for replies), or null
   * for the server's own commands (timers, closed connections). Resolves once it has been run,
   * persisted and delivered.
   */
  async submit(code: JoinCode, command: LiveCommand, sender: string | null): Promise<void> {
    let lane: Lane | null | undefined = this.lanes.get(code);
    if (!lane)
      try {
        lane = await this.openLane(code);
      } catch (error) {
        this.log(`Session ${code}: could not load it for "${command.type}"`, error);
        if (sender !== null)
          this.reply(
            code,
            sender,
            'unavailable',
            'The server could not reach this session just now. Try again.',
            command.type,
          );
        return;
      }
    if (!lane || lane.gone) {
      if (sender !== null)
        this.reply(
          code,
          sender,
          'unknown-session',
          `There is no session with code ${code}. Check the code.`,
          command.type,
        );
      return;
    }
    const open = lane;
    // run() reports its own failures to the sender; nothing it does may reject the queue.
    const run = open.tail
      .then(() => this.run(open, command, sender))
      .catch((error: unknown) => this.log(`Session ${code}: "${command.type}" failed`, error));
    open.tail = run;
    return run;
  }

  /** Stops every timer (server shutdown). */
  stop(): void {
    for (const lane of this.lanes.values()) this.dropLane(lane);
  }

  private async openLane(code: JoinCode): Promise<Lane | null> {
    let opening = this.opening.get(code);
    if (!opening) {
      opening = this.options.store
        .load(code)
        .then((state) => (state ? (this.lanes.get(code) ?? this.startLane(state)) : null))
        .finally(() => this.opening.delete(code));
      this.opening.set(code, opening);
    }
    return opening;
  }

  private startLane(state: LiveSession): Lane {
    const { clock } = this.options;
    const lane: Lane = {
      code: state.code,
      state,
      tail: Promise.resolve(),
      deadline: null,
      idle: null,
      hostView: new Coalescer(clock, this.options.hostViewMs, () =>
        this.options.fanout.publish(lane.code, [this.hostViewDelivery(lane)]),
      ),
      progress: new Coalescer(clock, this.options.progressMs, () => this.publishProgress(lane)),
      gone: false,
    };
    this.lanes.set(state.code, lane);
    this.armTimers(lane);
    return lane;
  }

  private async run(lane: Lane, command: LiveCommand, sender: string | null): Promise<void> {
    if (lane.gone) {
      if (sender !== null)
        this.reply(lane.code, sender, 'session-ended', 'This session has ended.', command.type);
      return;
    }
    const now = this.options.clock.now();
    let outcome;
    try {
      outcome = handle(lane.state, command, now);
      if (outcome.events.length > 0)
        await this.options.store.append(lane.code, outcome.events, outcome.state);
    } catch (error) {
      this.log(`Session ${lane.code}: "${command.type}" failed`, error);
      if (sender !== null)
        this.reply(
          lane.code,
          sender,
          'unavailable',
          'The server could not do that just now. Try again.',
          command.type,
        );
      return;
    }
    lane.state = outcome.state;
    this.deliver(lane, outcome.effects, sender, command);
    if (outcome.events.some((e) => e.type === 'expired')) {
      this.dropLane(lane);
      await this.options.store
        .delete(lane.code)
        .catch((error) => this.log(`Session ${lane.code}: delete failed`, error));
    } else {
      this.armTimers(lane);
    }
  }

  private deliver(
    lane: Lane,
    effects: readonly Effect[],
    sender: string | null,
    command: LiveCommand,
  ) {
    const deliveries: Delivery[] = [];
    let urgentHostView = false;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'send': {
          const target = this.target(effect.audience, sender);
          // Serialized once here, however many sockets receive it.
          if (target)
            deliveries.push({ kind: 'send', target, data: JSON.stringify(effect.message) });
          break;
        }
        case 'bind-host':
          if (sender !== null && command.type === 'host-hello')
            deliveries.push({
              kind: 'bind-host',
              connection: sender,
              hostToken: command.hostToken,
            });
          break;
        case 'bind-participant':
          if (sender !== null)
            deliveries.push({
              kind: 'bind-participant',
              connection: sender,
              participantId: effect.participantId,
              token: effect.token,
            });
          break;
        case 'host-view':
          if (effect.urgent) urgentHostView = true;
          else lane.hostView.request();
          break;
        case 'progress':
          lane.progress.request();
          break;
        case 'close': {
          const target = this.target(effect.audience, sender);
          if (target)
            deliveries.push({ kind: 'close', target, code: effect.code, reason: effect.reason });
          break;
        }
      }
    }
    this.options.fanout.publish(lane.code, deliveries);
    // The host's view (the whole room: 150 KB for 2,000 people) is built after the room has its
    // messages, so a reveal never waits for it.
    if (urgentHostView) {
      lane.hostView.sentNow();
      this.options.fanout.publish(lane.code, [this.hostViewDelivery(lane)]);
    }
  }

  private target(audience: Audience, sender: string | null): Target | null {
    if (audience.to !== 'sender') return audience;
    return sender === null ? null : { to: 'connection', id: sender };
  }

  private hostViewDelivery(lane: Lane): Delivery {
    const message: ServerMessage = {
      type: 'host-view',
      view: hostView(lane.state, this.options.clock.now()),
    };
    return { kind: 'send', target: { to: 'host' }, data: JSON.stringify(message) };
  }

  private publishProgress(lane: Lane) {
    const { phase } = lane.state;
    if (phase.phase !== 'question') return;
    const message: ServerMessage = {
      type: 'progress',
      index: phase.index,
      answered: answeredCount(lane.state),
      participants: lane.state.active,
    };
    this.options.fanout.publish(lane.code, [
      { kind: 'send', target: { to: 'host' }, data: JSON.stringify(message) },
    ]);
  }

  private reply(
    code: JoinCode,
    connection: string,
    errorCode: ErrorCode,
    message: string,
    ref: string,
  ) {
    const error: ServerMessage = { type: 'error', code: errorCode, message, ref };
    this.options.fanout.publish(code, [
      { kind: 'send', target: { to: 'connection', id: connection }, data: JSON.stringify(error) },
    ]);
  }

  /** The question's timer and the idle timer follow the state after every command. */
  private armTimers(lane: Lane) {
    const { clock } = this.options;
    const { state } = lane;
    const open = state.phase.phase === 'question' ? state.rounds[state.phase.index] : undefined;
    if (lane.deadline && lane.deadline.index !== open?.index) {
      clock.clear(lane.deadline.timer);
      lane.deadline = null;
    }
    if (open && open.deadline !== null && !lane.deadline) {
      const index = open.index;
      lane.deadline = {
        index,
        timer: clock.setTimeout(
          () => {
            lane.deadline = null;
            void this.submit(lane.code, { type: 'deadline', index }, null);
          },
          Math.max(0, open.deadline - clock.now()),
        ),
      };
    }
    if (!lane.idle) {
      const due = state.lastActiveAt + state.limits.idleMs - clock.now();
      lane.idle = clock.setTimeout(
        () => {
          lane.idle = null;
          void this.submit(lane.code, { type: 'expire' }, null);
        },
        Math.max(0, due),
      );
    }
  }

  private dropLane(lane: Lane) {
    lane.gone = true;
    const { clock } = this.options;
    if (lane.deadline) clock.clear(lane.deadline.timer);
    if (lane.idle) clock.clear(lane.idle);
    lane.hostView.cancel();
    lane.progress.cancel();
    lane.deadline = null;
    lane.idle = null;
    if (this.lanes.get(lane.code) === lane) this.lanes.delete(lane.code);
  }
}
