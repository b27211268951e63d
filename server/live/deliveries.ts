import type { Audience, Effect, LiveCommand } from '../../src/domain/live-handlers';
import type { ServerMessage } from '../../src/domain/live-protocol';
import type { LiveSession } from '../../src/domain/live-session';
import { answeredCount, hostView } from '../../src/domain/live-views';
import type { Delivery, Target } from './fanout';

export interface Made {
  deliveries: Delivery[];
  /** The host's view changed: send it now (phase changes) or at the next coalesced update. */
  hostView: 'urgent' | 'later' | null;
  /** The answered count changed (coalesced). */
  progress: boolean;
}

/** A command's effects as deliveries for the fan-out, each message serialized once. */
export function deliveriesFor(
  effects: readonly Effect[],
  command: LiveCommand,
  sender: string | null,
): Made {
  const made: Made = { deliveries: [], hostView: null, progress: false };
  const target = (audience: Audience): Target | null =>
    audience.to !== 'sender' ? audience : sender === null ? null : { to: 'connection', id: sender };
  for (const effect of effects) {
    switch (effect.kind) {
      case 'send': {
        const to = target(effect.audience);
        // Serialized once here, however many sockets receive it.
        if (to)
          made.deliveries.push({ kind: 'send', target: to, data: JSON.stringify(effect.message) });
        break;
      }
      case 'bind-host':
        if (sender !== null && command.type === 'host-hello')
          made.deliveries.push({
            kind: 'bind-host',
            connection: sender,
            hostToken: command.hostToken,
          });
        break;
      case 'bind-participant':
        if (sender !== null)
          made.deliveries.push({
            kind: 'bind-participant',
            connection: sender,
            participantId: effect.participantId,
            token: effect.token,
          });
        break;
      case 'host-view':
        if (effect.urgent) made.hostView = 'urgent';
        else if (made.hostView === null) made.hostView = 'later';
        break;
      case 'progress':
        made.progress = true;
        break;
      case 'close': {
        const to = target(effect.audience);
        if (to)
          made.deliveries.push({
            kind: 'close',
            target: to,
            code: effect.code,
            reason: effect.reason,
          });
        break;
      }
    }
  }
  return made;
}

export function hostViewDelivery(state: LiveSession, now: number): Delivery {
  const message: ServerMessage = { type: 'host-view', view: hostView(state, now) };
  return { kind: 'send', target: { to: 'host' }, data: JSON.stringify(message) };
}

/** The answered count for the host, while a question is open. */
export function progressDelivery(state: LiveSession): Delivery | null {
  const { phase } = state;
  if (phase.phase !== 'question') return null;
  const message: ServerMessage = {
    type: 'progress',
    index: phase.index,
    answered: answeredCount(state),
    participants: state.active,
  };
  return { kind: 'send', target: { to: 'host' }, data: JSON.stringify(message) };
}
