import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../../src/domain/live-protocol';
import { evolve, replay, toLiveQuestion, type ChangeEvent } from '../../src/domain/live-session';
import { makeQuestion } from '../factories';
import { conn, createdFor, Script, token } from '../factories-live';

/**
 * A store may hand an event back twice (a retried write, a process that took over and replays).
 * Applying one again must not count a person, a connection or a right answer twice.
 */

const P0 = 'p0' as ParticipantId;
const created = createdFor({ settings: { secondsPerQuestion: null } });

function joined(at = 1): ChangeEvent[] {
  return [
    { type: 'joined', at, participantId: P0, name: 'Ana', token: token(0) },
    { type: 'presence', at, participantId: P0, connection: conn(0), delta: 1 },
  ];
}

describe('applying an event again', () => {
  it('counts a connection once, and drops it once', () => {
    const twice = replay(created, [...joined(), joined()[1]!]);
    expect(twice.connected).toBe(1);
    expect(twice.presence.get(P0)).toEqual([conn(0)]);
    const drop: ChangeEvent = {
      type: 'presence',
      at: 2,
      participantId: P0,
      connection: conn(0),
      delta: -1,
    };
    const dropped = replay(created, [...joined(), drop, drop]);
    expect(dropped.connected).toBe(0);
    expect(dropped.presence.has(P0)).toBe(false);
  });

  it('counts a departure once', () => {
    const left: ChangeEvent = { type: 'left', at: 2, participantId: P0 };
    const state = replay(created, [...joined(), left, left]);
    expect(state.active).toBe(0);
    expect(state.connected).toBe(0);
    const removed: ChangeEvent = { type: 'removed', at: 3, participantId: P0 };
    expect(replay(created, [...joined(), left, removed]).participants.get(P0)?.status).toBe('left');
  });

  it('adds a question’s points once', () => {
    const events: ChangeEvent[] = [
      ...joined(),
      { type: 'opened', at: 2, index: 0, deadline: null },
      { type: 'answered', at: 3, index: 0, participantId: P0, choice: 'ClusterIP', timeMs: 1 },
      { type: 'revealed', at: 4, index: 0 },
      { type: 'revealed', at: 5, index: 0 },
    ];
    expect(replay(created, events).scores.get(P0)).toEqual({ points: 1000, correct: 1 });
  });

  it('ignores presence and departures of someone it does not know', () => {
    const stranger = 'p9' as ParticipantId;
    const state = replay(created, [
      ...joined(),
      { type: 'presence', at: 2, participantId: stranger, connection: 'x:1', delta: 1 },
      { type: 'left', at: 3, participantId: stranger },
    ]);
    expect(state.active).toBe(1);
    expect(state.connected).toBe(1);
  });

  it('ignores an answer to a question that never opened', () => {
    const before = replay(created, joined());
    const after = evolve(before, {
      type: 'answered',
      at: 2,
      index: 1,
      participantId: P0,
      choice: 'NodePort',
      timeMs: 5,
    });
    expect(after.rounds).toEqual([]);
    expect(after.scores).toBe(before.scores);
  });
});

describe('a late joiner', () => {
  it('is answerable for the open question, and not for the one just revealed', () => {
    const script = new Script(replay(created, []));
    script.join('Ana', 0);
    script.host('start');
    script.join('Ben', 1);
    script.host('reveal');
    script.join('Cy', 2);
    const first = (id: string) => script.state.participants.get(id as ParticipantId)?.firstIndex;
    expect([first('p0'), first('p1'), first('p2')]).toEqual([0, 0, 1]);
  });
});

it('holds a bank question without explanation, why-nots or references as empty ones', () => {
  const bare = makeQuestion({ id: 'bare', explanation: undefined, whyNot: undefined });
  delete (bare as { references?: unknown }).references;
  expect(toLiveQuestion(bare)).toMatchObject({ explanation: null, whyNot: {}, references: [] });
});
