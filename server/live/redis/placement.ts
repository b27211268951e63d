import type { JoinCode } from '../../../src/domain/live-protocol';
import type { BackendHooks } from '../backend';
import type { ForwardedCommand, Placement, Route } from '../placement';
import type { RedisLink } from './connection';
import type { RedisKeys } from './keys';
import { forwardedSchema, parseMessage } from './messages';
import type { Scripts } from './scripts';
import { StoreUnavailable } from '../session-store';
import { KEY_GRACE_MS, reach } from './store';

export interface HeartbeatOptions {
  /** How often the process renews its heartbeat and sweeps for dead processes. */
  everyMs: number;
  /** A heartbeat older than this means the process is dead: its sessions move to a live one. */
  ttlMs: number;
}

export const DEFAULT_HEARTBEAT: HeartbeatOptions = { everyMs: 1000, ttlMs: 5000 };

/** The owned set outlives any session (the longest idle limit is a week). */
const OWNED_TTL_MS = 8 * 24 * 3600_000;

/** Forwarded commands kept while the command connection is down (see `receive`). */
const MAX_HELD = 10_000;

/**
 * One owner per session, in Redis. The owner is the process named in the session's `owner` key;
 * it is alive while its heartbeat (a score in the `processes` sorted set) is current. A command
 * that reaches another process is published to the owner's inbox channel; if the owner is dead,
 * or alive but not listening (its connections to Redis are gone: a crash, seen at once), the
 * process that has the command takes the session and runs it. Every second each process renews
 * its heartbeat and takes over the sessions of processes whose heartbeat ran out, so a session's
 * timer goes on even when nobody sends anything.
 */
export class RedisPlacement implements Placement {
  private hooks: BackendHooks | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticked = false;
  private inboxReady = false;
  private ticking = false;
  private tickFailing = false;
  private held: ForwardedCommand[] = [];
  private heldDropped = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly scripts: Scripts,
    private readonly keys: RedisKeys,
    private readonly processId: string,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly heartbeat: HeartbeatOptions = DEFAULT_HEARTBEAT,
  ) {}

  /**
   * Whether this process's heartbeat is in Redis. Until it is, the process takes no one in and runs
   * no session: a connection it held would look like one of a dead process to the others.
   */
  get registered(): boolean {
    return this.ticked;
  }

  private mustBeRegistered() {
    if (!this.ticked) throw new StoreUnavailable('This process has not registered with Redis yet.');
  }

  async route(forward: ForwardedCommand): Promise<Route> {
    this.mustBeRegistered();
    const { keys, processId: me } = this;
    const { code } = forward;
    const answer = await reach('find the process that runs the session', () =>
      this.scripts.route(
        keys.created(code),
        keys.owner(code),
        keys.processes,
        keys.owned(me),
        me,
        JSON.stringify(forward),
        keys.inboxPrefix,
        keys.ownedPrefix,
        code,
        KEY_GRACE_MS,
      ),
    );
    const [kind, takeover] = Array.isArray(answer) ? answer : [];
    if (kind === 'missing') return { kind: 'missing' };
    if (kind === 'forwarded') return { kind: 'forwarded' };
    if (kind === 'here') return { kind: 'here', takeover: Number(takeover) === 1 };
    throw new Error(`unexpected answer from the route script: ${JSON.stringify(answer)}`);
  }

  async claim(code: JoinCode, idleMs: number): Promise<void> {
    this.mustBeRegistered();
    const { keys, processId: me } = this;
    await reach('claim a session', () =>
      this.scripts.claim(keys.owner(code), keys.owned(me), me, idleMs + KEY_GRACE_MS, code),
    );
  }

  async release(code: JoinCode): Promise<void> {
    const { keys, processId: me } = this;
    await reach('release a session', () =>
      this.scripts.release(keys.owner(code), keys.owned(me), me, code),
    );
  }

  async liveProcesses(): Promise<ReadonlySet<string>> {
    const live = await reach('list live processes', () => this.scripts.live(this.keys.processes));
    return new Set([...(Array.isArray(live) ? live.map(String) : []), this.processId]);
  }

  /** Starts the inbox and the heartbeat. The process registers before it serves anyone. */
  start(hooks: BackendHooks): void {
    this.hooks = hooks;
    const inbox = this.keys.inbox(this.processId);
    const { subscriber, commands } = this.link;
    // The heartbeat says "send me commands and deliveries": it is renewed only while this
    // process's own channels are listened to.
    const subscribeInbox = () =>
      subscriber.subscribe(inbox, this.keys.direct(this.processId)).then(
        () => {
          this.inboxReady = true;
          void this.tick();
        },
        (error: unknown) =>
          this.log(
            'Could not listen for forwarded commands (will retry when Redis is back)',
            error,
          ),
      );
    subscriber.on('message', (channel: string, text: string) => {
      if (channel === inbox) this.receive(text);
    });
    subscriber.on('ready', () => void subscribeInbox());
    subscriber.on('close', () => (this.inboxReady = false));
    if (subscriber.status === 'ready') void subscribeInbox();
    commands.on('ready', () => {
      this.runHeld();
      void this.tick();
    });
    this.timer = setInterval(() => void this.tick(), this.heartbeat.everyMs);
  }

  /** Stops the heartbeat and marks this process dead at once: others take its sessions now. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.hooks = null;
    this.held = [];
    await this.link.subscriber.unsubscribe(this.keys.inbox(this.processId)).catch(() => undefined);
    await this.scripts.leave(this.keys.processes, this.processId).catch(() => undefined);
  }

  private receive(text: string) {
    const parsed = parseMessage(forwardedSchema, text);
    if (!parsed.ok) {
      this.log(`Ignored a malformed forwarded command: ${parsed.error}`);
      return;
    }
    // The two connections to Redis come back one at a time. With the subscriber back first,
    // others can reach this process (their PUBLISH counts it) while it cannot yet read or write a
    // session: run now, the command would be refused, and one nobody waits for (a close, a lost
    // connection) would be lost. It waits here for the command connection instead.
    if (!this.link.ready()) {
      if (this.held.length < MAX_HELD) this.held.push(parsed.value);
      else this.heldDropped++;
      return;
    }
    this.hooks?.forwarded(parsed.value);
  }

  /** Runs the forwarded commands that came while the command connection was down, in order. */
  private runHeld() {
    const held = this.held;
    this.held = [];
    if (this.heldDropped > 0)
      this.log(
        `Dropped ${this.heldDropped} forwarded commands that came while Redis was half reachable (kept the first ${MAX_HELD}).`,
      );
    this.heldDropped = 0;
    for (const command of held) this.hooks?.forwarded(command);
  }

  private async tick() {
    const hooks = this.hooks;
    if (!hooks || this.ticking || !this.link.ready() || !this.inboxReady) return;
    this.ticking = true;
    const { keys, processId: me } = this;
    try {
      // Right after (re)connecting, other processes have not renewed their heartbeats yet: wait
      // one heartbeat lifetime before taking anyone's sessions.
      const since = this.link.readySince();
      const adopt = since !== null && Date.now() - since > this.heartbeat.ttlMs;
      const answer = await this.scripts.tick(
        keys.processes,
        keys.owned(me),
        me,
        this.heartbeat.ttlMs,
        keys.ownedPrefix,
        keys.ownerPrefix,
        adopt ? 1 : 0,
        OWNED_TTL_MS,
      );
      // A dead subscriber connection says so only when it is asked something.
      void this.link.subscriber.ping().catch(() => undefined);
      const [was, live, adopted] = answer as [number, string[], string[]];
      if (this.tickFailing) this.log('Heartbeat renewed again.');
      this.tickFailing = false;
      if (this.ticked && Number(was) !== 1) await this.presumedDead(hooks);
      this.ticked = true;
      hooks.alive(new Set([...live.map(String), me]));
      for (const code of adopted) {
        this.log(`Taking over session ${code} from a process that stopped.`);
        hooks.adopt(code as JoinCode);
      }
    } catch (error) {
      if (!this.tickFailing) this.log('Could not renew the heartbeat in Redis', error);
      this.tickFailing = true;
    } finally {
      this.ticking = false;
    }
  }

  /**
   * This process's heartbeat had run out (a stall, or Redis was away): others may have taken its
   * sessions and dropped its connections from theirs. It stops running what it no longer owns,
   * and its connections say who they are again.
   */
  private async presumedDead(hooks: BackendHooks) {
    this.log('This process was taken for dead (its heartbeat ran out); checking its sessions.');
    const codes = hooks.running();
    if (codes.length > 0) {
      const owners = await this.link.commands.mget(...codes.map((code) => this.keys.owner(code)));
      hooks.notOwned(codes.filter((_, i) => owners[i] !== this.processId));
    }
    hooks.reannounce();
  }
}
