import { describe, expect, it } from 'vitest';
import { parseChangeEvent, parseCreatedEvent } from '../../src/domain/live-event-schema';
import { replay } from '../../src/domain/live-session';
import { conn, createdFor, Script, token } from '../factories-live';

/** A session that went through every kind of event, as the handlers emitted them. */
function playedEvents() {
  const created = createdFor({ settings: { secondsPerQuestion: 10 } });
  const script = new Script(replay(created, []));
  script.join('Ana', 0);
  script.join('Ben', 1);
  script.join('Cy', 2);
  script.host('start');
  script.answer(0, 0, 'NodePort', script.now + 100);
  script.run({ type: 'disconnected', token: token(1), connection: conn(1) });
  script.run({ type: 'leave', token: token(2) });
  script.run({ type: 'remove', hostToken: created.hostToken, participantId: 'p1' as never });
  script.host('end');
  script.run({ type: 'expire' }, script.now + created.limits.idleMs);
  return { created, events: script.outcomes.flatMap((o) => o.events) };
}

describe('stored events', () => {
  it('read back to the same events, every type of them', () => {
    const { created, events } = playedEvents();
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        'joined',
        'presence',
        'opened',
        'answered',
        'left',
        'removed',
        'revealed',
        'ended',
        'expired',
      ]),
    );
    expect(parseCreatedEvent(JSON.stringify(created))).toEqual({ ok: true, value: created });
    const read = events.map((event, i) => parseChangeEvent(JSON.stringify(event), i));
    expect(read).toEqual(events.map((value) => ({ ok: true, value })));
  });

  it('say which record is not JSON', () => {
    expect(parseCreatedEvent('{"type":')).toEqual({
      ok: false,
      error: 'the session record is not JSON',
    });
    expect(parseChangeEvent('nope', 7)).toEqual({ ok: false, error: 'event 7 is not JSON' });
  });

  it('say which event is wrong, where, and why', () => {
    const bad = parseChangeEvent(
      JSON.stringify({ type: 'presence', at: 1, participantId: 'p0', connection: 'c', delta: 2 }),
      3,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^event 3 is not valid at delta: ./);
    const unknown = parseChangeEvent(JSON.stringify({ type: 'exploded', at: 1 }), 0);
    expect(!unknown.ok && unknown.error).toMatch(/^event 0 is not valid at type: ./);
    const { created } = playedEvents();
    const wrongLimits = parseCreatedEvent(
      JSON.stringify({ ...created, limits: { ...created.limits, idleMs: -1 } }),
    );
    expect(!wrongLimits.ok && wrongLimits.error).toMatch(
      /^the session record is not valid at limits\.idleMs: ./,
    );
  });

  it('refuse a whole record that is of the wrong shape, without a path', () => {
    const result = parseChangeEvent('42', 1);
    expect(!result.ok && result.error).toMatch(/^event 1 is not valid: ./);
  });

  it('refuse each event type with a field missing or extra', () => {
    const { events } = playedEvents();
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.type)) continue;
      seen.add(event.type);
      const extra = parseChangeEvent(JSON.stringify({ ...event, extra: true }), 0);
      expect(extra.ok, `${event.type} with an extra field`).toBe(false);
      const { at: _at, ...withoutAt } = event;
      expect(parseChangeEvent(JSON.stringify(withoutAt), 0).ok, `${event.type} without at`).toBe(
        false,
      );
    }
    const presence = events.find((e) => e.type === 'presence')!;
    for (const delta of [1, -1])
      expect(parseChangeEvent(JSON.stringify({ ...presence, delta }), 0).ok).toBe(true);
    const { created } = playedEvents();
    expect(parseCreatedEvent(JSON.stringify({ ...created, type: 'joined' })).ok).toBe(false);
    expect(
      parseCreatedEvent(JSON.stringify({ ...created, limits: { ...created.limits, more: 1 } })).ok,
    ).toBe(false);
    expect(
      parseCreatedEvent(
        JSON.stringify({ ...created, questions: [{ ...created.questions[0], extra: 1 }] }),
      ).ok,
    ).toBe(false);
  });
});
