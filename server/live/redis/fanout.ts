import type { JoinCode } from '../../../src/domain/live-protocol';
import type { Delivery, DeliveryListener, FanOut, Locate } from '../fanout';
import { StoreUnavailable } from '../session-store';
import { processOf } from '../sockets';
import type { RedisLink } from './connection';
import type { RedisKeys } from './keys';
import { deliveryBatchSchema, directBatchSchema, parseMessage } from './messages';

/**
 * Deliveries over Redis pub/sub. What goes to a whole room (a question, a reveal, the host's view)
 * is one message on the session's channel, which a process listens to while it holds a socket in
 * the session. What goes to one connection or one person (an ack, a welcome, their own result) goes
 * only to the process that holds them, on that process's own channel: with P processes, each
 * reads its own people's results, not the whole room's. Each message inside is serialized once by
 * the process that ran the command; that process delivers to its own sockets directly.
 *
 * Order is kept per process: a batch is published as runs, in order (the room's messages, then
 * each person's), and Redis hands a subscriber its messages in the order they were published.
 */
export class RedisFanOut implements FanOut {
  private listeners = new Set<DeliveryListener>();
  private channels = new Map<JoinCode, { count: number; ready: Promise<unknown> }>();
  private publishFailing = false;
  private readonly roomPrefix: string;
  private readonly direct: string;

  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    private readonly processId: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.roomPrefix = keys.deliveries('' as JoinCode);
    this.direct = keys.direct(processId);
    link.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.direct) this.receiveDirect(text);
      else if (channel.startsWith(this.roomPrefix))
        this.receiveRoom(channel.slice(this.roomPrefix.length) as JoinCode, text);
    });
  }

  /** The channel this process must listen to from the start (with its command inbox). */
  get directChannel(): string {
    return this.direct;
  }

  publish(code: JoinCode, deliveries: readonly Delivery[], locate?: Locate): void {
    if (deliveries.length === 0) return;
    for (const listener of this.listeners) listener(code, deliveries);
    let room: Delivery[] = [];
    let direct = new Map<string, Delivery[]>();
    const flush = () => {
      if (room.length > 0)
        this.send(this.keys.deliveries(code), { from: this.processId, deliveries: room });
      for (const [process, list] of direct)
        this.send(this.keys.direct(process), { from: this.processId, code, deliveries: list });
      room = [];
      direct = new Map();
    };
    for (const delivery of deliveries) {
      const processes = holders(delivery, locate);
      if (processes === null) {
        if (direct.size > 0) flush();
        room.push(delivery);
        continue;
      }
      if (room.length > 0) flush();
      for (const process of processes) {
        if (process === this.processId) continue;
        let list = direct.get(process);
        if (!list) direct.set(process, (list = []));
        list.push(delivery);
      }
    }
    flush();
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async listen(code: JoinCode): Promise<() => void> {
    const channel = this.keys.deliveries(code);
    let entry = this.channels.get(code);
    if (!entry) {
      entry = { count: 0, ready: this.link.subscriber.subscribe(channel) };
      this.channels.set(code, entry);
    }
    const held = entry;
    held.count += 1;
    try {
      await held.ready;
    } catch (error) {
      held.count -= 1;
      if (this.channels.get(code) === held) this.channels.delete(code);
      throw new StoreUnavailable('Could not listen to the session in Redis', { cause: error });
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      held.count -= 1;
      if (held.count > 0 || this.channels.get(code) !== held) return;
      this.channels.delete(code);
      this.link.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  private send(channel: string, message: object) {
    this.link.commands.publish(channel, JSON.stringify(message)).then(
      () => (this.publishFailing = false),
      (error: unknown) => {
        // Said once per outage. What other processes miss meanwhile they get back when their
        // connections say who they are again (see BackendHooks.reannounce).
        if (!this.publishFailing) this.log('Could not publish deliveries to Redis', error);
        this.publishFailing = true;
      },
    );
  }

  private receiveRoom(code: JoinCode, text: string) {
    const parsed = parseMessage(deliveryBatchSchema, text);
    if (!parsed.ok) return this.log(`Ignored a malformed delivery for ${code}: ${parsed.error}`);
    if (parsed.value.from === this.processId) return;
    for (const listener of this.listeners) listener(code, parsed.value.deliveries);
  }

  private receiveDirect(text: string) {
    const parsed = parseMessage(directBatchSchema, text);
    if (!parsed.ok) return this.log(`Ignored a malformed direct delivery: ${parsed.error}`);
    for (const listener of this.listeners) listener(parsed.value.code, parsed.value.deliveries);
  }
}

/**
 * The processes that hold a delivery's audience, or null for the whole room. A person nobody
 * holds (no connection anywhere) gets nothing, as in one process.
 */
function holders(delivery: Delivery, locate: Locate | undefined): readonly string[] | null {
  switch (delivery.kind) {
    case 'send':
    case 'close': {
      const { target } = delivery;
      if (target.to === 'connection') return [processOf(target.id)];
      if (target.to === 'participant' && locate) return [...new Set(locate(target.id) ?? [])];
      return null;
    }
    case 'bind-host':
    case 'bind-participant':
    case 'settled':
    case 'retry-later':
      return [processOf(delivery.connection)];
  }
}
