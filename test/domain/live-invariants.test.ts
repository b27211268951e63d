import { expect, it } from 'vitest';
import type { LiveCommand } from '../../src/domain/live-handlers';
import type { ParticipantId } from '../../src/domain/live-protocol';
import { replay, type LiveSession } from '../../src/domain/live-session';
import { seededRandom } from '../../src/domain/random';
import { SERVICE_TYPES, byType } from '../../src/domain/service-types';
import { createdFor, HOST, Script, token } from '../factories-live';

/** Two connections per person at most (two tabs), sometimes lost together with their process. */
const connectionOf = (person: number, tab: number) => `proc${tab}:${person}`;

/** The counts the state keeps incrementally, recomputed the slow way. */
function recount(state: LiveSession) {
  const people = [...state.participants.values()];
  const isConnected = (id: ParticipantId) => (state.presence.get(id)?.length ?? 0) > 0;
  const active = people.filter((p) => p.status === 'active');
  const result = {
    active: active.length,
    connected: active.filter((p) => isConnected(p.id)).length,
    tally: null as null | object,
  };
  if (state.phase.phase !== 'question') return result;
  const round = state.rounds[state.phase.index]!;
  const distribution = byType(() => 0);
  let right = 0;
  for (const [id, answer] of round.answers) {
    if (state.participants.get(id)?.status === 'removed') continue;
    distribution[answer.choice] += 1;
    if (answer.correct) right += 1;
  }
  const answeredBy = active.filter((p) => round.answers.has(p.id));
  result.tally = {
    distribution,
    right,
    activeAnswered: answeredBy.length,
    connectedAnswered: answeredBy.filter((p) => isConnected(p.id)).length,
  };
  return result;
}

it('keeps its counts equal to a full recount through random sessions, and replays to the same', () => {
  const seen: Record<string, number> = {};
  for (let trial = 0; trial < 40; trial++) {
    const random = seededRandom(`invariants-${trial}`);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const created = createdFor({ settings: { secondsPerQuestion: null, scoring: 'speed' } });
    const script = new Script(replay(created, []));
    let people = 0;
    for (let step = 0; step < 150; step++) {
      const someoneN = Math.floor(random() * Math.max(1, people));
      const someone = token(someoneN);
      const tab = random() < 0.7 ? 0 : 1;
      const anyone = `p${Math.floor(random() * Math.max(1, people)).toString(36)}` as ParticipantId;
      const { phase } = script.state;
      const openIndex = phase.phase === 'question' ? phase.index : 0;
      const roll = random();
      // Mostly answers to the open question, half of them right; people come, go and drop out.
      const command: LiveCommand =
        step < 8 || roll < 0.1
          ? {
              type: 'join',
              name: `Person ${people}`,
              token: token(people),
              connection: connectionOf(people++, tab),
            }
          : roll < 0.45
            ? {
                type: 'answer',
                token: someone,
                index: random() < 0.8 ? openIndex : Math.floor(random() * 4),
                choice: random() < 0.5 ? SERVICE_TYPES[openIndex]! : pick(SERVICE_TYPES),
              }
            : roll < 0.55
              ? { type: 'disconnected', token: someone, connection: connectionOf(someoneN, tab) }
              : roll < 0.58
                ? {
                    type: 'connections-lost',
                    connections: Array.from({ length: people }, (_, n) => connectionOf(n, tab)),
                  }
                : roll < 0.7
                  ? { type: 'rejoin', token: someone, connection: connectionOf(someoneN, tab) }
                  : roll < 0.77
                    ? { type: 'leave', token: someone }
                    : roll < 0.87
                      ? { type: 'remove', hostToken: HOST, participantId: anyone }
                      : { type: pick(['start', 'reveal', 'next'] as const), hostToken: HOST };
      const before = script.state;
      const open =
        before.phase.phase === 'question' ? before.rounds[before.phase.index] : undefined;
      const outcome = script.run(command, script.now + 100);
      // Count the delicate cases: someone with a right answer to the open question removed or gone.
      for (const event of outcome.events)
        if (
          (event.type === 'removed' || event.type === 'left') &&
          open?.answers.get(event.participantId)?.correct
        )
          seen[`${event.type} after a right answer`] =
            (seen[`${event.type} after a right answer`] ?? 0) + 1;
      const { state } = script;
      const expected = recount(state);
      expect(state.active, `trial ${trial} step ${step}`).toBe(expected.active);
      expect(state.connected, `trial ${trial} step ${step}`).toBe(expected.connected);
      if (expected.tally && state.phase.phase === 'question')
        expect(state.rounds[state.phase.index]!.tally, `trial ${trial} step ${step}`).toEqual(
          expected.tally,
        );
    }
    const events = script.outcomes.flatMap((o) => o.events);
    for (const event of events) seen[event.type] = (seen[event.type] ?? 0) + 1;
    const rebuilt = replay(created, events);
    expect(rebuilt.phase).toEqual(script.state.phase);
    expect(rebuilt.rounds.map((r) => r.stat)).toEqual(script.state.rounds.map((r) => r.stat));
    expect([...rebuilt.scores]).toEqual([...script.state.scores]);
  }
  // The random sessions did exercise what the counts depend on.
  for (const type of ['answered', 'revealed', 'presence', 'left', 'removed', 'opened'])
    expect(seen[type] ?? 0, type).toBeGreaterThan(20);
  for (const type of ['removed after a right answer', 'left after a right answer'])
    expect(seen[type] ?? 0, type).toBeGreaterThan(3);
});
