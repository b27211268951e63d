import { describe, expect, it } from 'vitest';
import { VersionConflict, type SessionStore } from '../../server/live/session-store';
import type { JoinCode } from '../../src/domain/live-protocol';
import { initialState, type ChangeEvent, type LiveSession } from '../../src/domain/live-session';
import { hostView } from '../../src/domain/live-views';
import { createdFor, HOST, Script } from '../factories-live';

/**
 * What every SessionStore must do, run against each implementation (in memory, Redis): the same
 * tests, so the runner can rely on the same behaviour from both.
 */
export function storeContract(name: string, makeStore: () => Promise<SessionStore>) {
  const T0 = 1_000_000;
  let codes = 0;
  /** A fresh code per test: the Redis store's data outlives a test. */
  const nextCode = () =>
    `${'ABCDEFGHJK'[codes++ % 10]}${'MNPQRSTUVW'[Math.floor(codes / 10) % 10]}C2D3` as JoinCode;

  function session(code = nextCode()) {
    const created = { ...createdFor({ now: T0 }), code };
    return { created, state: initialState(created) };
  }

  /** What a session looks like to anyone: equal snapshots mean the store kept it whole. */
  function snapshot(state: LiveSession) {
    return {
      view: hostView(state, T0 + 60_000),
      participants: [...state.participants.values()],
      presence: [...state.presence.entries()],
      scores: [...state.scores.entries()],
      rounds: state.rounds.map((r) => ({ ...r, answers: [...r.answers.entries()] })),
      phase: state.phase,
      counts: [state.active, state.connected, state.nextSeq, state.lastActiveAt],
    };
  }

  /** Plays a session, appending each command's events as the runner does. */
  async function play(store: SessionStore, code: JoinCode, state: LiveSession) {
    const script = new Script(state, T0);
    let version = 0;
    const step = async (run: () => { events: ChangeEvent[] }) => {
      const { events } = run();
      if (events.length === 0) return;
      await store.append(code, version, events, script.state);
      version += events.length;
    };
    await step(() => ({ events: [] }));
    for (const [n, name] of ['Ana', 'Ben', 'Cy'].entries())
      await step(() => {
        script.join(name, n);
        return script.outcomes.at(-1)!;
      });
    await step(() => script.host('start', T0 + 1000));
    await step(() => script.answer(0, 0, 'ClusterIP', T0 + 1500));
    await step(() => script.answer(1, 0, 'NodePort', T0 + 1700));
    await step(() => script.answer(2, 0, 'ClusterIP', T0 + 1900));
    await step(() => script.host('next', T0 + 3000));
    await step(() => script.answer(0, 1, 'NodePort', T0 + 3500));
    await step(() => script.host('end', T0 + 4000));
    return { script, version };
  }

  describe(`${name}: the session store contract`, () => {
    it('creates a session once, and loads it back at version 0', async () => {
      const store = await makeStore();
      const { created, state } = session();
      expect(await store.create(created, state, 10)).toBe('created');
      expect(await store.create(created, state, 10)).toBe('code-taken');
      const loaded = await store.load(created.code);
      expect(loaded?.version).toBe(0);
      expect(snapshot(loaded!.state)).toEqual(snapshot(state));
      expect(await store.load(nextCode())).toBeNull();
    });

    it('holds the cap on sessions: a full store refuses, and a deleted session frees a place', async () => {
      const store = await makeStore();
      const before = await store.count();
      const [a, b, c] = [session(), session(), session()];
      expect(await store.create(a.created, a.state, before + 2)).toBe('created');
      expect(await store.create(b.created, b.state, before + 2)).toBe('created');
      expect(await store.count()).toBe(before + 2);
      expect(await store.create(c.created, c.state, before + 2)).toBe('full');
      await store.delete(a.created.code);
      expect(await store.load(a.created.code)).toBeNull();
      expect(await store.create(c.created, c.state, before + 2)).toBe('created');
      expect(await store.count()).toBe(before + 2);
    });

    it('keeps a whole session: joins, answers, reveals and the end load back the same', async () => {
      const store = await makeStore();
      const { created, state } = session();
      await store.create(created, state, 10);
      const { script, version } = await play(store, created.code, state);
      const loaded = await store.load(created.code);
      expect(loaded?.version).toBe(version);
      expect(snapshot(loaded!.state)).toEqual(snapshot(script.state));
      expect(loaded!.state.phase.phase).toBe('ended');
      expect(loaded!.state.hostToken).toBe(HOST);
    });

    it('refuses a write after a stale version and keeps the log as it was', async () => {
      const store = await makeStore();
      const { created, state } = session();
      await store.create(created, state, 10);
      const script = new Script(state, T0);
      script.join('Ana', 0);
      const first = script.outcomes.at(-1)!;
      await store.append(created.code, 0, first.events, script.state);
      const held = await store.load(created.code);

      // Another writer that has not seen Ana's join: its version is 0, the log's is 2.
      const other = new Script(state, T0);
      other.join('Ben', 1);
      await expect(
        store.append(created.code, 0, other.outcomes.at(-1)!.events, other.state),
      ).rejects.toBeInstanceOf(VersionConflict);
      // Ahead of the log is as wrong as behind it.
      await expect(
        store.append(created.code, 5, other.outcomes.at(-1)!.events, other.state),
      ).rejects.toBeInstanceOf(VersionConflict);
      const after = await store.load(created.code);
      expect(after?.version).toBe(first.events.length);
      expect(snapshot(after!.state)).toEqual(snapshot(held!.state));
    });

    it('refuses a write to a session that is gone', async () => {
      const store = await makeStore();
      const { created, state } = session();
      await store.create(created, state, 10);
      await store.delete(created.code);
      const script = new Script(state, T0);
      script.join('Ana', 0);
      await expect(
        store.append(created.code, 0, script.outcomes.at(-1)!.events, script.state),
      ).rejects.toBeInstanceOf(VersionConflict);
      expect(await store.load(created.code)).toBeNull();
    });
  });
}
