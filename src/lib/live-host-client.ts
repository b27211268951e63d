import type {
  ClientMessage,
  ErrorCode,
  HostToken,
  HostView,
  JoinCode,
  ServerMessage,
} from '../domain/live-protocol';
import {
  createLiveSocket,
  type ConnectionState,
  type SocketConstructor,
  type Timers,
} from './live-socket';
import { createState, deadlineFrom, type ReadableStore } from './live-store';
import type { TokenStore } from './live-tokens';

export type PhaseCommand = 'start' | 'reveal' | 'next' | 'end';
export type HostMessage = Extract<ClientMessage, { type: PhaseCommand | 'remove' }>;

export interface HostState {
  connection: ConnectionState;
  view: HostView | null;
  /** Local time at which the open question closes (null: untimed, or no question open). */
  deadline: number | null;
  /** Answers to the open question so far: from the view, then from `progress` messages. */
  answered: number;
  /**
   * A phase command sent and not yet seen in a new view. Its button waits meanwhile, so a double
   * click cannot skip a question.
   */
  pending: PhaseCommand | null;
  /** The last thing the server refused, or a message from it that could not be read. */
  notice: string | null;
  /** The notice says the server could not reach its store: it goes once the session answers. */
  noticeUnavailable: boolean;
  /** This browser cannot control the session (wrong token, unknown or ended session). */
  fatal: { code: ErrorCode; message: string } | null;
}

export type HostEvent =
  | { type: 'connection'; state: ConnectionState }
  | { type: 'message'; message: ServerMessage; at: number }
  | { type: 'malformed'; error: string }
  | { type: 'sent'; command: PhaseCommand };

export const initialHostState: HostState = {
  connection: { status: 'idle' },
  view: null,
  deadline: null,
  answered: 0,
  pending: null,
  notice: null,
  noticeUnavailable: false,
  fatal: null,
};

const FATAL: ReadonlySet<ErrorCode> = new Set(['bad-token', 'unknown-session', 'session-ended']);

/** Which screen a view is on: a change means the last phase command took effect. */
function stepOf(view: HostView | null): string {
  if (!view) return 'none';
  const s = view.state;
  if (s.phase === 'question') return `question-${s.question.index}`;
  if (s.phase === 'reveal') return `reveal-${s.reveal.index}`;
  return s.phase;
}

export function reduceHost(state: HostState, event: HostEvent): HostState {
  switch (event.type) {
    case 'connection':
      // A command sent on a connection that dropped may be lost; the next view says what happened.
      return {
        ...state,
        connection: event.state,
        pending: event.state.status === 'open' ? state.pending : null,
      };
    case 'sent':
      return { ...state, pending: event.command, notice: null, noticeUnavailable: false };
    case 'malformed':
      return {
        ...state,
        notice: `The server sent a message this page cannot read (${event.error}); it was ignored.`,
      };
    case 'message':
      return onMessage(state, event.message, event.at);
  }
}

function onMessage(state: HostState, message: ServerMessage, at: number): HostState {
  switch (message.type) {
    case 'host-view': {
      const view = message.view;
      const open = view.state.phase === 'question' ? view.state : null;
      return {
        ...state,
        view,
        deadline: open ? deadlineFrom(open.question.remainingMs, at) : null,
        answered: open ? open.answered : 0,
        pending: stepOf(view) === stepOf(state.view) ? state.pending : null,
        fatal: null,
        ...(state.noticeUnavailable ? { notice: null, noticeUnavailable: false } : {}),
      };
    }
    case 'progress': {
      const s = state.view?.state;
      if (s?.phase !== 'question' || s.question.index !== message.index) return state;
      return { ...state, answered: message.answered };
    }
    case 'error':
      if (FATAL.has(message.code))
        return { ...state, fatal: { code: message.code, message: message.message }, pending: null };
      return {
        ...state,
        notice: message.message,
        noticeUnavailable: message.code === 'unavailable',
        pending: null,
      };
    default:
      // Messages meant for participants are not the host's business.
      return state;
  }
}

export interface HostClientOptions {
  code: JoinCode;
  hostToken: HostToken;
  url: string;
  WebSocket: SocketConstructor;
  now: () => number;
  random: () => number;
  tokens: TokenStore;
  timers?: Timers;
}

export interface HostClient extends ReadableStore<HostState> {
  /** Sends a host command; false when not connected (the buttons say so and wait). */
  send(message: HostMessage): boolean;
  start(): void;
  stop(): void;
  reconnectNow(): void;
  restart(): void;
}

/** The host's side of a live session: a store fed by one reconnecting WebSocket. */
export function createHostClient(options: HostClientOptions): HostClient {
  const store = createState(initialHostState);
  const dispatch = (event: HostEvent) => store.set(reduceHost(store.getState(), event));
  let confirmed = false;

  const socket = createLiveSocket({
    url: options.url,
    WebSocket: options.WebSocket,
    now: options.now,
    random: options.random,
    timers: options.timers,
    onOpen(send) {
      confirmed = false;
      send({ type: 'host-hello', code: options.code, hostToken: options.hostToken });
    },
    onMessage(message, at) {
      dispatch({ type: 'message', message, at });
      if (message.type === 'host-view' && !confirmed) {
        confirmed = true;
        socket.markHealthy();
        // Refreshes the saved time, so a long session keeps its key.
        options.tokens.saveHost(options.code, options.hostToken);
      }
      if (message.type === 'error' && FATAL.has(message.code)) {
        socket.stop();
        if (message.code !== 'session-ended') options.tokens.forgetHost(options.code);
      }
    },
    onMalformed: (error) => dispatch({ type: 'malformed', error }),
    // The only final close a host can meet is the session expiring.
    onFinalClose: () => {
      if (!store.getState().fatal)
        dispatch({
          type: 'message',
          message: { type: 'error', code: 'session-ended', message: 'The session expired.' },
          at: options.now(),
        });
    },
    onState: (state) => dispatch({ type: 'connection', state }),
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      if (message.type !== 'remove' && store.getState().pending) return false;
      if (!socket.send(message)) return false;
      if (message.type !== 'remove') dispatch({ type: 'sent', command: message.type });
      return true;
    },
    start: () => socket.connect(),
    stop: () => socket.stop(),
    reconnectNow: () => socket.reconnectNow(),
    restart: () => socket.restart(),
  };
}
