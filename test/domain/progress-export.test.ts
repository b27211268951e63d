import { describe, expect, it } from 'vitest';
import {
  buildExport,
  EXPORT_VERSION,
  mergeProgress,
  parseExport,
  type ProgressData,
} from '../../src/domain/progress-export';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const a: ProgressData = {
  quizResults: [makeResult('quiz-1', [makeAnswer('q1', 'NodePort', 'NodePort')], 100)],
  reviewLogs: [makeReview('r1', 'q1', 50), makeReview('r2', 'q2', 60)],
  flashcardSettings: null,
};
const b: ProgressData = {
  quizResults: [
    makeResult('quiz-2', [makeAnswer('q2', 'ClusterIP', 'NodePort')], 200),
    a.quizResults[0]!,
  ],
  reviewLogs: [makeReview('r2', 'q2', 60), makeReview('r3', 'q3', 70)],
  flashcardSettings: null,
};
const c: ProgressData = {
  quizResults: [makeResult('quiz-3', [], 300)],
  reviewLogs: [makeReview('r0', 'q9', 10)],
  flashcardSettings: null,
};

describe('mergeProgress', () => {
  it('unites quiz results and reviews without duplicates', () => {
    const merged = mergeProgress(a, b);
    expect(merged.quizResults.map((r) => r.quizId)).toEqual(['quiz-1', 'quiz-2']);
    expect(merged.reviewLogs.map((l) => l.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('is commutative and associative: import order does not matter', () => {
    expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
    expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(c, b)));
  });

  it('is idempotent: importing the same file twice changes nothing', () => {
    const once = mergeProgress(a, b);
    expect(mergeProgress(once, b)).toEqual(once);
    expect(mergeProgress(once, once)).toEqual(once);
  });

  it('resolves two different records with one id the same way whichever comes first', () => {
    const other = { ...a, reviewLogs: [{ ...a.reviewLogs[0]!, rating: 1 as const }] };
    expect(mergeProgress(a, other)).toEqual(mergeProgress(other, a));
  });

  it('keeps the local flashcard settings', () => {
    const settings = {
      desiredRetention: 0.8,
      dailyNewLimit: 3,
      maximumIntervalDays: 30,
      mode: 'classic' as const,
    };
    expect(
      mergeProgress({ ...a, flashcardSettings: settings }, { ...b, flashcardSettings: null })
        .flashcardSettings,
    ).toEqual(settings);
  });
});

describe('export files', () => {
  it('round-trip through JSON with the banks they refer to', () => {
    const file = buildExport(mergeProgress(a, b), 12345);
    expect(file).toMatchObject({
      format: 'kube-service-trainer-progress',
      version: EXPORT_VERSION,
      exportedAt: 12345,
      bankIds: ['bundled'],
    });
    expect(parseExport(JSON.stringify(file))).toEqual({ ok: true, data: file });
  });

  it('say precisely what is wrong with a damaged file', () => {
    const file = JSON.parse(JSON.stringify(buildExport(a, 1)));
    file.quizResults[0].answers[0].choice = 'Nodeport';
    delete file.reviewLogs[1].rating;
    expect(parseExport(JSON.stringify(file))).toEqual({
      ok: false,
      problems: [
        'quizResults[0] (id "quiz-1").answers[0].choice: expected one of ClusterIP, NodePort, LoadBalancer, ExternalName, got "Nodeport"',
        'reviewLogs[1] (id "r2").rating: expected 1, 2, 3 or 4, got nothing (the field is missing)',
      ],
    });
  });

  it('refuse a file that is not JSON, not an export, or from a newer app', () => {
    expect(parseExport('{oops')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^This is not a JSON file/)],
    });
    expect(parseExport('{"questions": []}')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not a Kube Service Trainer progress export/)],
    });
    const newer = EXPORT_VERSION + 1;
    expect(parseExport(JSON.stringify({ ...buildExport(a, 1), version: newer }))).toMatchObject({
      ok: false,
      problems: [expect.stringContaining(`newer version of the app (format version ${newer})`)],
    });
  });

  it('read the version 1 fixture, the first export format', async () => {
    const { readFileSync } = await import('node:fs');
    const parsed = parseExport(readFileSync('test/fixtures/progress-export-v1.json', 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.data.quizResults[0]?.answers).toHaveLength(2);
  });
});
