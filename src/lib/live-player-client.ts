import type { ClientMessage, JoinCode, ParticipantToken } from '../domain/live-protocol';
import type { ServiceType } from '../domain/service-types';
import { createLiveSocket, type SocketConstructor, type Timers } from './live-socket';
import {
  initialPlayerState,
  reducePlayer,
  type PlayerEvent,
  type PlayerState,
} from './live-player-state';
import { createState, type ReadableStore } from './live-store';
import type { TokenStore } from './live-tokens';

export interface PlayerClientOptions {
  code: JoinCode;
  url: string;
  WebSocket: SocketConstructor;
  now: () => number;
  random: () => number;
  tokens: TokenStore;
  timers?: Timers;
}

export interface PlayerClient extends ReadableStore<PlayerState> {
  /** Takes the saved place in the session again, if this browser has one; true if it does. */
  resume(): boolean;
  /** Joins as a new participant with a name already checked with `nameSchema`. */
  join(name: string): void;
  /** Answers the open question; the answer is resent after a reconnect until acknowledged. */
  answer(choice: ServiceType): void;
  /** Leaves for good: the name becomes free and the saved place is forgotten. */
  leave(): void;
  send(message: ClientMessage): boolean;
  stop(): void;
  reconnectNow(): void;
  restart(): void;
}

/** A participant's side of a live session: a store fed by one reconnecting WebSocket. */
export function createPlayerClient(options: PlayerClientOptions): PlayerClient {
  const { code, tokens } = options;
  const store = createState<PlayerState>(initialPlayerState);
  const dispatch = (event: PlayerEvent) => store.set(reducePlayer(store.getState(), event));
  // Kept in memory too, so a rejoin works even where storage is unavailable.
  let token: ParticipantToken | null = null;

  const socket = createLiveSocket({
    url: options.url,
    WebSocket: options.WebSocket,
    now: options.now,
    random: options.random,
    timers: options.timers,
    onOpen(send) {
      const place = store.getState().place;
      if (token) send({ type: 'rejoin', code, token });
      else if (place.status === 'joining') send({ type: 'join', code, name: place.name });
    },
    onMessage(message, at) {
      const before = store.getState();
      dispatch({ type: 'message', message, at });
      const after = store.getState();
      if (message.type === 'welcome') {
        token = message.token;
        tokens.savePlayer(code, { token: message.token, name: message.name });
        socket.markHealthy();
        resendAnswer(before, after);
      }
      if (message.type === 'removed' || (message.type === 'error' && message.code === 'removed')) {
        forget();
        socket.stop();
      } else if (after.place.status === 'form' && before.place.status !== 'form') {
        // The join or rejoin failed for a reason the person has to act on (another code, another
        // name): a saved place that led here is no good any more.
        forget();
        socket.stop();
      }
    },
    onMalformed: (error) => dispatch({ type: 'malformed', error }),
    onFinalClose(code) {
      dispatch({ type: 'closed', code });
      const place = store.getState().place;
      if (place.status !== 'in') forget();
    },
    onState: (state) => dispatch({ type: 'connection', state }),
  });

  function forget() {
    token = null;
    tokens.forgetPlayer(code);
  }

  /** An answer given while the connection was down goes out once the place is taken again. */
  function resendAnswer(before: PlayerState, after: PlayerState) {
    const was = before.place.status === 'in' ? before.place.phase : null;
    const now = after.place.status === 'in' ? after.place.phase : null;
    if (was?.phase !== 'question' || !was.sending || now?.phase !== 'question') return;
    if (now.question.index !== was.question.index || now.answer) return;
    dispatch({ type: 'answer', choice: was.sending });
    socket.send({ type: 'answer', index: now.question.index, choice: was.sending });
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    resume() {
      const saved = tokens.player(code);
      if (!saved) return false;
      token = saved.token;
      dispatch({ type: 'rejoin', name: saved.name });
      socket.connect();
      return true;
    },
    join(name) {
      token = null;
      dispatch({ type: 'join', name });
      // A socket left open from a failed attempt is reused; otherwise onOpen sends the join.
      if (!socket.send({ type: 'join', code, name })) socket.connect();
    },
    answer(choice) {
      const before = store.getState();
      dispatch({ type: 'answer', choice });
      const place = store.getState().place;
      if (store.getState() === before || place.status !== 'in') return;
      if (place.phase.phase !== 'question') return;
      // When offline, the answer stays pending and goes out after the rejoin.
      socket.send({ type: 'answer', index: place.phase.question.index, choice });
    },
    leave() {
      socket.send({ type: 'leave' });
      forget();
      socket.stop();
      dispatch({ type: 'left' });
    },
    send: (message) => socket.send(message),
    stop: () => socket.stop(),
    reconnectNow: () => socket.reconnectNow(),
    restart: () => socket.restart(),
  };
}
