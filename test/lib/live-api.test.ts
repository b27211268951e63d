import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_SETTINGS,
  type CreateSessionRequest,
} from '../../src/domain/live-protocol';
import { createSession, liveUrl } from '../../src/lib/live-api';
import { CODE, HOST_TOKEN } from '../factories-live-client';

const request: CreateSessionRequest = {
  bank: { kind: 'builtin' },
  selection: { kind: 'seed', count: 5, seed: 'abc' },
  settings: DEFAULT_SESSION_SETTINGS,
};
const reply = (status: number, body: unknown) => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('createSession', () => {
  it('posts the request as JSON and returns the code and host token', async () => {
    const calls: [string, RequestInit][] = [];
    const result = await createSession(request, async (url, init) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ code: CODE, hostToken: HOST_TOKEN }), { status: 201 });
    });
    expect(result).toEqual({ ok: true, session: { code: CODE, hostToken: HOST_TOKEN } });
    expect(calls[0]?.[0]).toBe('/api/sessions');
    expect(calls[0]?.[1].method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.[1].body))).toEqual(request);
  });

  it('passes on the server’s message and problems', async () => {
    const body = {
      error: 'bad-bank',
      message: 'The bank cannot be used.',
      problems: [{ where: 'questions[2].answer', message: 'must be one of the four types' }],
    };
    expect(await createSession(request, reply(400, body))).toEqual({
      ok: false,
      message: 'The bank cannot be used.',
      problems: body.problems,
    });
  });

  it('says when the server cannot reach its session store, or is unavailable altogether', async () => {
    const unavailable = {
      error: 'unavailable',
      message:
        'Live sessions are unavailable right now: the server cannot reach its session store. Try again in a moment.',
    };
    expect(await createSession(request, reply(503, unavailable))).toEqual({
      ok: false,
      message: unavailable.message,
      problems: [],
    });
    // A load balancer with no healthy server answers 503 without our body.
    expect(
      await createSession(request, reply(503, '<html>Service Unavailable</html>')),
    ).toMatchObject({
      message: 'The live-session server is unavailable right now. Try again in a moment.',
    });
  });

  it('explains a network failure, a rate limit and a reply it cannot read', async () => {
    const offline = await createSession(request, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot be reached/),
    });
    expect(await createSession(request, reply(429, 'slow down'))).toMatchObject({
      message: expect.stringMatching(/Wait a minute/),
    });
    expect(
      await createSession(request, reply(200, { code: 'lower', hostToken: 'x' })),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot read/),
    });
  });
});

describe('liveUrl', () => {
  it('uses wss on https and ws on http, on the page’s own host', () => {
    expect(liveUrl({ protocol: 'https:', host: 'trainer.example:8443' })).toBe(
      'wss://trainer.example:8443/live',
    );
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/live');
  });
});
