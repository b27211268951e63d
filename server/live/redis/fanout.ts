import type { JoinCode } from '../../../src/domain/live-protocol';
import type { Delivery, DeliveryListener, FanOut } from '../fanout';
import { StoreUnavailable } from '../session-store';
import type { RedisLink } from './connection';
import type { RedisKeys } from './keys';
import { deliveryBatchSchema, parseMessage } from './messages';

/**
 * Deliveries over Redis pub/sub: one channel per session, one message per batch of commands
 * (each message inside it serialized once by the process that ran the batch). A process listens
 * to a session's channel while it holds a socket in that session, so a busy session's traffic
 * goes only where its people are. The publisher delivers to its own sockets directly.
 */
export class RedisFanOut implements FanOut {
  private listeners = new Set<DeliveryListener>();
  private channels = new Map<JoinCode, { count: number; ready: Promise<unknown> }>();
  private publishFailing = false;
  private readonly prefix: string;

  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    private readonly processId: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.prefix = keys.deliveries('' as JoinCode);
    link.subscriber.on('message', (channel: string, text: string) => {
      if (channel.startsWith(this.prefix)) this.receive(channel.slice(this.prefix.length), text);
    });
  }

  publish(code: JoinCode, deliveries: readonly Delivery[]): void {
    if (deliveries.length === 0) return;
    for (const listener of this.listeners) listener(code, deliveries);
    const text = JSON.stringify({ from: this.processId, deliveries });
    this.link.commands.publish(this.keys.deliveries(code), text).then(
      () => (this.publishFailing = false),
      (error: unknown) => {
        // Said once per outage. What other processes miss meanwhile they get back when their
        // connections say who they are again (see BackendHooks.reannounce).
        if (!this.publishFailing) this.log('Could not publish deliveries to Redis', error);
        this.publishFailing = true;
      },
    );
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

  private receive(code: string, text: string) {
    const parsed = parseMessage(deliveryBatchSchema, text);
    if (!parsed.ok) {
      this.log(`Ignored a malformed delivery message for session ${code}: ${parsed.error}`);
      return;
    }
    if (parsed.value.from === this.processId) return;
    for (const listener of this.listeners) listener(code as JoinCode, parsed.value.deliveries);
  }
}
