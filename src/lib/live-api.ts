import {
  createSessionResponseSchema,
  httpErrorSchema,
  LIVE_PATH,
  SESSIONS_PATH,
  type CreateSessionRequest,
  type CreateSessionResponse,
  type HttpError,
} from '../domain/live-protocol';

export type CreateSessionResult =
  | { ok: true; session: CreateSessionResponse }
  | { ok: false; message: string; problems: NonNullable<HttpError['problems']> };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Asks the server for a new session. Never throws: every failure comes back as a message. */
export async function createSession(
  request: CreateSessionRequest,
  fetchImpl: Fetch,
): Promise<CreateSessionResult> {
  let response: Response;
  try {
    response = await fetchImpl(SESSIONS_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return failure(
      'The live-session server cannot be reached. Check the connection and try again.',
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const parsed = createSessionResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, session: parsed.data };
    return failure('The server answered with something this page cannot read. Try again.');
  }
  const error = httpErrorSchema.safeParse(body);
  if (error.success) return failure(error.data.message, error.data.problems ?? []);
  if (response.status === 429)
    return failure(
      'Too many sessions were created from here just now. Wait a minute and try again.',
    );
  if (response.status === 503)
    return failure('The live-session server is unavailable right now. Try again in a moment.');
  return failure(`The server could not create the session (${response.status}). Try again.`);
}

function failure(message: string, problems: NonNullable<HttpError['problems']> = []) {
  return { ok: false as const, message, problems };
}

/** The WebSocket address of the live-session server on the same origin as the page. */
export function liveUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${LIVE_PATH}`;
}
