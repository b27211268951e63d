import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bank } from '../../src/domain/bank-schema';
import { validateBank } from '../../src/domain/bank-loader';
import { createdEvent, pickQuestions } from '../../src/domain/live-create';
import {
  createSessionRequestSchema,
  SESSIONS_PATH,
  type CreateSessionResponse,
  type HttpError,
} from '../../src/domain/live-protocol';
import { describeIssue, describePath } from '../../src/domain/schema-problems';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import { originAllowed } from './origin';
import type { Health } from './backend';
import type { CreationLimiter } from './rate-limit';
import type { SessionRunner } from './runner';
import { newCode, newHostToken } from './secrets';
import type { SessionStore } from './session-store';

export interface ApiOptions {
  runner: SessionRunner;
  store: SessionStore;
  limiter: CreationLimiter;
  health: () => Promise<Health>;
  clock: Clock;
  builtinBank: Bank;
  connections: () => number;
  processId: string;
  log: (message: string, error?: unknown) => void;
  config: Pick<
    ServerConfig,
    | 'allowedOrigins'
    | 'maxSessions'
    | 'maxParticipants'
    | 'idleMs'
    | 'sessionsPerMinute'
    | 'maxBankBytes'
  >;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * `POST /api/sessions` creates a session (over HTTP, because a custom bank can be megabytes, far
 * over the WebSocket message cap) and `GET /healthz` reports on the process. Returns null for a
 * path it does not own, so the static server can answer it.
 */
export function apiRoutes(options: ApiOptions): (req: IncomingMessage) => Handler | null {
  const { config, clock, log } = options;
  const startedAt = clock.now();
  const unavailable = (res: ServerResponse) =>
    fail(
      res,
      503,
      'unavailable',
      'Live sessions are unavailable right now: the server cannot reach its session store. Try again in a moment.',
    );

  const health: Handler = async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET');
    const about = {
      process: options.processId,
      connections: options.connections(),
      sessionsRunHere: options.runner.running,
      uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
    };
    const health = await options.health();
    let sessions: number | null = null;
    if (health.ok)
      try {
        sessions = await options.store.count();
      } catch (error) {
        log('Health check: could not count sessions', error);
      }
    if (!health.ok || sessions === null)
      return json(res, 503, {
        status: 'unavailable',
        store: health.store,
        problem: health.problem ?? 'The session store did not answer.',
        ...about,
      });
    json(res, 200, { status: 'ok', store: health.store, sessions, ...about });
  };

  const create: Handler = async (req, res) => {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    if (!originAllowed(req, config.allowedOrigins))
      return fail(
        res,
        403,
        'forbidden-origin',
        'This site may not create sessions on this server.',
      );
    let wait: number;
    try {
      wait = await options.limiter.take(req.socket.remoteAddress ?? 'unknown', clock.now());
    } catch (error) {
      log('Could not check the session creation limit', error);
      return unavailable(res);
    }
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return fail(
        res,
        429,
        'rate-limited',
        `Too many sessions created from your address. Try again in ${wait} s.`,
      );
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return fail(res, 415, 'unsupported-type', 'Send the request as application/json.');
    const body = await readBody(req, config.maxBankBytes);
    if (body === null)
      return fail(
        res,
        413,
        'too-large',
        `The request is over ${Math.round(config.maxBankBytes / 1024 / 1024)} MB. Use a smaller bank.`,
      );
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return fail(res, 400, 'malformed', 'The request body is not valid JSON.');
    }
    const request = createSessionRequestSchema.safeParse(data, { reportInput: true });
    if (!request.success)
      return fail(res, 400, 'invalid-request', 'The session settings are not valid.', {
        problems: request.error.issues.map((issue) => ({
          where: describePath(issue.path, data),
          message: describeIssue(issue),
        })),
      });
    const { bank: source, selection, settings } = request.data;
    let bank = options.builtinBank;
    if (source.kind === 'custom') {
      const loaded = validateBank(source.data);
      if (!loaded.ok)
        return fail(
          res,
          400,
          'invalid-bank',
          `The question bank has ${loaded.problems.length} ${loaded.problems.length === 1 ? 'problem' : 'problems'}.`,
          { problems: loaded.problems },
        );
      bank = loaded.bank;
    }
    const picked = pickQuestions(bank, selection);
    if (!picked.ok)
      return fail(res, 400, 'invalid-selection', 'The question selection does not fit the bank.', {
        problems: picked.problems,
      });
    for (let attempt = 0; attempt < 10; attempt++) {
      const event = createdEvent({
        code: newCode(),
        hostToken: newHostToken(),
        bank,
        questions: picked.questions,
        settings,
        limits: { maxParticipants: config.maxParticipants, idleMs: config.idleMs },
        now: clock.now(),
      });
      let result;
      try {
        result = await options.runner.create(event, config.maxSessions);
      } catch (error) {
        log('Could not create a session', error);
        return unavailable(res);
      }
      if (result === 'full')
        return fail(
          res,
          503,
          'server-full',
          `This server is running its limit of ${config.maxSessions} sessions. Try again later.`,
        );
      if (result === 'created') {
        const response: CreateSessionResponse = { code: event.code, hostToken: event.hostToken };
        return json(res, 201, response);
      }
    }
    return fail(res, 503, 'unavailable', 'Could not find a free join code. Try again.');
  };

  return (req) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return health;
    if (path === SESSIONS_PATH) return create;
    if (path?.startsWith('/api/'))
      return async (_req, res) => fail(res, 404, 'not-found', 'There is no such API.');
    return null;
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function fail(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  extra: Pick<HttpError, 'problems'> = {},
) {
  const body: HttpError = { error, message, ...extra };
  json(res, status, body);
}

function methodNotAllowed(res: ServerResponse, allowed: string) {
  res.setHeader('Allow', allowed);
  fail(res, 405, 'method-not-allowed', `Use ${allowed}.`);
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read into memory). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
