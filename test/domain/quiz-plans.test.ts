import { describe, expect, it } from 'vitest';
import { planFromSettings, planRetry, planWeakSpots } from '../../src/domain/quiz-plans';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import { fourTypeBank } from '../factories';
import { makeAnswer, makeResult } from '../factories-progress';

const bank = fourTypeBank();

describe('quiz plans', () => {
  it('plans a quiz from settings and a seed, or says why it cannot', () => {
    const plan = planFromSettings(bank, { ...DEFAULT_SETTINGS, count: 2 }, 's');
    expect(plan).toMatchObject({ ok: true, seed: 's', kind: 'new', settings: { count: 2 } });
    expect(plan.ok && plan.items).toHaveLength(2);
    expect(planFromSettings(bank, { ...DEFAULT_SETTINGS, difficulties: [3] }, 's')).toEqual({
      ok: false,
      message: 'No questions match these settings. Include more answer types or difficulty levels.',
    });
  });

  it('plans weak-spot practice only when there are mistakes, counting what it found', () => {
    const clean = makeResult('a', [makeAnswer('q-np', 'NodePort', 'NodePort')]);
    expect(planWeakSpots(bank, [clean], DEFAULT_SETTINGS, 's')).toMatchObject({ ok: false });
    expect(planWeakSpots(bank, [], DEFAULT_SETTINGS, 's')).toMatchObject({ ok: false });
    const missed = makeResult('b', [makeAnswer('q-np', 'NodePort', 'ClusterIP')]);
    const plan = planWeakSpots(bank, [clean, missed], { ...DEFAULT_SETTINGS, count: 3 }, 's');
    expect(plan).toMatchObject({ ok: true, kind: 'practice', seed: 's', settings: { count: 3 } });
    const all = planWeakSpots(bank, [missed], { ...DEFAULT_SETTINGS, count: 'all' }, 's');
    expect(all.ok && all.settings.count).toBe(all.ok ? all.items.length : -1);
    // "All" in weak-spot practice means the usual ten, or the whole bank when it is smaller.
    expect(all.ok && all.items.length).toBe(Math.min(10, bank.questions.length));
  });

  it('finds weak spots in a quiz that was partly right', () => {
    const mixed = makeResult('m', [
      makeAnswer('q-np', 'NodePort', 'ClusterIP'),
      makeAnswer('q-cip', 'ClusterIP', 'ClusterIP'),
    ]);
    expect(planWeakSpots(bank, [mixed], DEFAULT_SETTINGS, 's')).toMatchObject({ ok: true });
  });

  it('plans a retry of the mistakes still in the bank', () => {
    const result = makeResult('a', [
      makeAnswer('q-np', 'NodePort', 'ClusterIP'),
      makeAnswer('q-cip', 'ClusterIP', 'ClusterIP'),
      makeAnswer('gone', 'LoadBalancer', 'NodePort'),
    ]);
    expect(planRetry(bank, result, 's')).toEqual({
      ok: true,
      items: [{ questionId: 'q-np', answer: 'NodePort' }],
      settings: { ...result.settings, count: 1 },
      seed: 's',
      kind: 'retry',
    });
    const onlyGone = makeResult('b', [makeAnswer('gone', 'LoadBalancer', 'NodePort')]);
    expect(planRetry(bank, onlyGone, 's')).toEqual({
      ok: false,
      message: 'The questions you missed are no longer in the question bank. Start a new quiz.',
    });
  });
});
