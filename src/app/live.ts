import { hostTokenSchema, type HostToken, type JoinCode } from '../domain/live-protocol';
import { liveUrl } from '../lib/live-api';
import { createHostClient } from '../lib/live-host-client';
import { createPlayerClient } from '../lib/live-player-client';
import { browserStorage, createTokenStore } from '../lib/live-tokens';
import { BUILTIN_TITLE } from '../lib/bank-source';
import { progressStore } from '../lib/progress';
import { recordTeamAnswers } from '../lib/team-answers';

// The live-session clients wired to the browser: the real WebSocket, localStorage and clocks.

export const liveTokens = () => createTokenStore(browserStorage(), Date.now);

const connection = () => ({
  url: liveUrl(window.location),
  WebSocket,
  now: Date.now,
  random: Math.random,
  tokens: liveTokens(),
});

export const hostClient = (code: JoinCode, hostToken: HostToken) =>
  createHostClient({ code, hostToken, ...connection() });

/** A participant's client whose revealed answers also go into the learner's own progress. */
export function playerClient(code: JoinCode) {
  const client = createPlayerClient({ code, ...connection() });
  recordTeamAnswers(client, progressStore, { now: Date.now, builtinTitle: BUILTIN_TITLE });
  return client;
}

/** A host token from history state: like storage, untrusted until parsed. */
export function tokenFromState(state: unknown): HostToken | null {
  const token = (state as { hostToken?: unknown } | null)?.hostToken;
  const parsed = hostTokenSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

export function nameFromState(state: unknown): string | null {
  const name = (state as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : null;
}

/** "2025-03-14" in local time, for export file names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
