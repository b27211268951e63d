import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { LiveCommand } from '../../src/domain/live-handlers';
import {
  CLOSE_CODES,
  HOST_ONLY,
  LIVE_PATH,
  MAX_CLIENT_MESSAGE_BYTES,
  parseClientMessage,
  type ClientMessage,
  type ErrorCode,
  type JoinCode,
  type ServerMessage,
} from '../../src/domain/live-protocol';
import type { Clock, TimerHandle } from '../clock';
import type { ServerConfig } from '../config';
import type { FanOut } from './fanout';
import { originAllowed } from './origin';
import { TokenBucket } from './rate-limit';
import type { SessionRunner } from './runner';
import { newParticipantToken } from './secrets';
import type { Connection, LocalSockets } from './sockets';

export interface GatewayOptions {
  server: Server;
  runner: SessionRunner;
  sockets: LocalSockets;
  fanout: FanOut;
  clock: Clock;
  config: Pick<
    ServerConfig,
    'allowedOrigins' | 'messagesPerSecond' | 'messageBurst' | 'pingIntervalMs' | 'requestTimeoutMs'
  >;
}

/**
 * The WebSocket edge at /live: checks the Origin, caps message size (ws `maxPayload`) and rate,
 * parses every message with the protocol's schema, checks that the sender may send it, and turns
 * it into a session command. A bad message gets an `error` back and changes nothing.
 */
export function attachGateway(options: GatewayOptions) {
  const { server, runner, sockets, fanout, clock, config } = options;
  const wss = new WebSocketServer({
    noServer: true,
    // Compression costs tens of KB per connection; our messages are small.
    perMessageDeflate: false,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    clientTracking: false,
  });

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    if (path !== LIVE_PATH) return refuseUpgrade(socket, 404, 'Not found');
    if (!originAllowed(req, config.allowedOrigins))
      return refuseUpgrade(socket, 403, 'This origin may not connect to the live server.');
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, socket));
  }

  function onConnection(ws: WebSocket, socket: Duplex) {
    const connection = sockets.add(
      ws,
      socket,
      new TokenBucket(config.messageBurst, config.messagesPerSecond, clock.now()),
    );
    // ws reports a message over maxPayload here and closes with 1009 itself.
    ws.on('error', () => undefined);
    ws.on('pong', () => (connection.alive = true));
    ws.on('message', (data, isBinary) => onMessage(connection, data, isBinary));
    ws.on('close', () => {
      sockets.remove(connection);
      const role = connection.role;
      if (role?.kind === 'participant')
        void runner.submit(
          role.code,
          { type: 'disconnected', token: role.token, connection: connection.id },
          null,
        );
    });
  }

  function onMessage(connection: Connection, data: RawData, isBinary: boolean) {
    const { ws } = connection;
    if (ws.readyState !== ws.OPEN) return;
    if (!connection.bucket.take(clock.now())) {
      ws.close(CLOSE_CODES.policy, 'Too many messages: this connection is closed.');
      return;
    }
    if (isBinary) return reply(connection, 'malformed', 'Send messages as JSON text.');
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data as Buffer).toString('utf8');
    const parsed = parseClientMessage(text);
    if (!parsed.ok)
      return reply(
        connection,
        'malformed',
        `That message could not be read (${parsed.error.slice(0, 200)}).`,
        parsed.ref?.slice(0, 40),
      );
    route(connection, parsed.message);
  }

  function route(connection: Connection, message: ClientMessage) {
    const { role } = connection;
    switch (message.type) {
      case 'host-hello':
      case 'join':
      case 'rejoin': {
        if (role || connection.pending)
          return reply(
            connection,
            'not-allowed',
            'This connection is already in a session.',
            message.type,
          );
        connection.pending = true;
        const command: LiveCommand =
          message.type === 'host-hello'
            ? { type: 'host-hello', hostToken: message.hostToken }
            : message.type === 'join'
              ? {
                  type: 'join',
                  name: message.name,
                  token: newParticipantToken(),
                  connection: connection.id,
                }
              : { type: 'rejoin', token: message.token, connection: connection.id };
        void identify(connection, message.code, command);
        return;
      }
      case 'answer':
      case 'leave':
        if (role?.kind !== 'participant')
          return reply(connection, 'not-allowed', 'Join the session first.', message.type);
        submit(
          connection,
          role.code,
          message.type === 'answer'
            ? { type: 'answer', token: role.token, index: message.index, choice: message.choice }
            : { type: 'leave', token: role.token },
        );
        return;
      default:
        if (!HOST_ONLY.has(message.type) || role?.kind !== 'host')
          return reply(connection, 'not-allowed', 'Only the host can do that.', message.type);
        submit(
          connection,
          role.code,
          message.type === 'remove'
            ? { type: 'remove', hostToken: role.hostToken, participantId: message.participantId }
            : { type: message.type, hostToken: role.hostToken },
        );
    }
  }

  /** The session's deliveries must reach this process before it asks to be welcomed in it. */
  async function identify(connection: Connection, code: JoinCode, command: LiveCommand) {
    if (connection.listening?.code !== code) {
      connection.listening?.stop();
      connection.listening = null;
      try {
        const stop = await fanout.listen(code);
        if (connection.ws.readyState !== connection.ws.OPEN) return stop();
        connection.listening = { code, stop };
      } catch {
        connection.pending = false;
        reply(
          connection,
          'unavailable',
          'The server cannot reach its session store just now. Trying again…',
          command.type,
        );
        connection.ws.close(CLOSE_CODES.tryAgain, 'Session store unavailable.');
        return;
      }
    }
    submit(connection, code, command);
  }

  function submit(connection: Connection, code: JoinCode, command: LiveCommand) {
    sockets.sent(connection, clock.now());
    void runner.submit(code, command, connection.id);
  }

  function reply(connection: Connection, code: ErrorCode, text: string, ref?: string) {
    const message: ServerMessage = { type: 'error', code, message: text, ...(ref ? { ref } : {}) };
    connection.ws.send(JSON.stringify(message));
  }

  // A connection that misses a ping for a whole interval is dead (a phone gone to sleep, a cable
  // pulled): closing it lets its session show the person as disconnected.
  const pings: TimerHandle = clock.setInterval(() => {
    for (const connection of sockets.all()) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }, config.pingIntervalMs);

  // A command that never settles was lost with a server process that crashed while running it:
  // the client reconnects, says who it is again, and resends what is still unanswered.
  const watchdog: TimerHandle = clock.setInterval(
    () => {
      const now = clock.now();
      for (const connection of sockets.all())
        if (
          connection.waitingSince !== null &&
          now - connection.waitingSince > config.requestTimeoutMs
        )
          connection.ws.close(CLOSE_CODES.tryAgain, 'The server lost track of a request.');
    },
    Math.max(100, config.requestTimeoutMs / 2),
  );

  server.on('upgrade', onUpgrade);

  return {
    /** Closes every socket with "going away" and stops the pings. */
    close() {
      clock.clear(pings);
      clock.clear(watchdog);
      server.off('upgrade', onUpgrade);
      for (const connection of [...sockets.all()])
        connection.ws.close(CLOSE_CODES.goingAway, 'The server is shutting down.');
    },
  };
}

function refuseUpgrade(socket: Duplex, status: 403 | 404, text: string) {
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}
