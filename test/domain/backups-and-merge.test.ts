import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/domain/backups';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import {
  buildExport,
  describeProgress,
  isEmptyProgress,
  mergeProgress,
  type ProgressData,
} from '../../src/domain/progress-export';
import { activeQuizSchema, quizResultSchema } from '../../src/domain/progress-schema';
import { StaleQuizError } from '../../src/domain/progress-store';
import { backupSchema, type Backup } from '../../src/domain/backup-records';
import { DEFAULT_SETTINGS } from '../../src/domain/quiz-settings';
import { createMemoryProgressStore } from '../fakes/memory-progress-store';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const empty: ProgressData = { quizResults: [], reviewLogs: [], flashcardSettings: null };
const snapshot = (fields: Partial<Backup>): unknown => ({
  day: '2026-11-01',
  takenAt: 5,
  reason: 'daily',
  data: buildExport(empty, 5),
  ...fields,
});

describe('stored snapshots', () => {
  it.each(['daily', 'before-import', 'before-reset', 'before-restore'] as const)(
    'read with the reason %s',
    (reason) => {
      expect(backupSchema.safeParse(snapshot({ reason })).success).toBe(true);
    },
  );

  it('are refused with an unknown reason or a day that is not YYYY-MM-DD', () => {
    expect(backupSchema.safeParse(snapshot({ reason: 'weekly' as never })).success).toBe(false);
    for (const day of ['2026-11-01', 'x2026-11-01', '2026-11-01x', '2026-1-01'])
      expect(backupSchema.safeParse(snapshot({ day })).success, day).toBe(day === '2026-11-01');
  });

  it('restoring one first keeps the progress it replaces, as a before-restore snapshot', async () => {
    const store = createMemoryProgressStore({ quizResults: [makeResult('current', [])] });
    const older: Backup = {
      day: '2026-10-30',
      takenAt: 1,
      reason: 'daily',
      data: buildExport({ ...empty, quizResults: [makeResult('older', [])] }, 1),
    };
    await restoreBackup(store, older, 1000, fixedOffsetCalendar(0));
    expect((await store.exportData()).quizResults.map((r) => r.quizId)).toEqual(['older']);
    const [kept] = await store.listBackups();
    expect(kept).toMatchObject({ reason: 'before-restore', takenAt: 1000 });
    expect(kept?.data.quizResults.map((r) => r.quizId)).toEqual(['current']);
  });
});

describe('export contents', () => {
  it('list the banks the records refer to, sorted, once each', () => {
    const data = {
      ...empty,
      quizResults: [{ ...makeResult('a', []), bankId: 'zeta' }],
      reviewLogs: [{ ...makeReview('r', 'q', 1), bankId: 'alpha' }, makeReview('s', 'q', 2)],
    };
    expect(buildExport(data, 1).bankIds).toEqual(['alpha', 'bundled', 'zeta']);
  });

  it('count as empty only with neither quiz results nor reviews', () => {
    expect(isEmptyProgress(empty)).toBe(true);
    expect(isEmptyProgress({ ...empty, reviewLogs: [makeReview('r', 'q', 1)] })).toBe(false);
    expect(isEmptyProgress({ ...empty, quizResults: [makeResult('a', [])] })).toBe(false);
  });
});

describe('merging progress', () => {
  it('picks the same one of two different records with one id, in either order', () => {
    const small = makeResult('same-id', [makeAnswer('q1', 'NodePort', 'NodePort')], 100);
    const large = { ...small, bankTitle: 'Zzz' };
    const local = { ...empty, quizResults: [small] };
    const incoming = { ...empty, quizResults: [large] };
    expect(mergeProgress(local, incoming).quizResults).toEqual([large]);
    expect(mergeProgress(incoming, local).quizResults).toEqual([large]);
    const reviewA = makeReview('r', 'q1', 5, 1);
    const reviewB = makeReview('r', 'q1', 5, 4);
    expect(
      mergeProgress({ ...empty, reviewLogs: [reviewB] }, { ...empty, reviewLogs: [reviewA] })
        .reviewLogs,
    ).toEqual([reviewB]);
    expect(
      mergeProgress({ ...empty, reviewLogs: [reviewA] }, { ...empty, reviewLogs: [reviewB] })
        .reviewLogs,
    ).toEqual([reviewB]);
  });

  it('orders by time, then by id', () => {
    const merged = mergeProgress(
      {
        ...empty,
        quizResults: [makeResult('a', [], 300), makeResult('c', [], 100), makeResult('b', [], 100)],
        reviewLogs: [makeReview('a', 'q', 30), makeReview('c', 'q', 10), makeReview('b', 'q', 10)],
      },
      empty,
    );
    expect(merged.quizResults.map((r) => r.quizId)).toEqual(['b', 'c', 'a']);
    expect(merged.reviewLogs.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('describes how much progress there is', () => {
    const one = { quizResults: [makeResult('a', [])], reviewLogs: [makeReview('r', 'q', 1)] };
    expect(describeProgress(one)).toBe('1 quiz result and 1 flashcard review');
    expect(describeProgress({ quizResults: [], reviewLogs: [] })).toBe(
      '0 quiz results and 0 flashcard reviews',
    );
    expect(
      describeProgress({
        quizResults: [...one.quizResults, ...one.quizResults],
        reviewLogs: [...one.reviewLogs, ...one.reviewLogs],
      }),
    ).toBe('2 quiz results and 2 flashcard reviews');
  });
});

describe('the saved quiz', () => {
  const quiz = {
    status: 'answered',
    meta: {
      quizId: 'z',
      bankId: 'b',
      bankTitle: 'B',
      settings: DEFAULT_SETTINGS,
      seed: 's',
      kind: 'new',
      startedAt: 0,
    },
    items: [{ questionId: 'q1', answer: 'NodePort' }],
    answers: [],
  };

  it('is refused when its index is past the last question', () => {
    expect(activeQuizSchema.safeParse({ ...quiz, index: 0 }).success).toBe(true);
    const past = activeQuizSchema.safeParse({ ...quiz, index: 1 });
    expect(past.success).toBe(false);
    expect(past.error?.issues[0]?.message).toBe('index is past the last question');
  });

  it('a save from a tab that is behind fails with a StaleQuizError that says why', () => {
    const error = new StaleQuizError();
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StaleQuizError');
    expect(error.message).toBe('This quiz has moved on in another tab or window.');
  });
});

describe('quiz settings as saved', () => {
  it('keep a count of all and feedback at the end', () => {
    const settings = { ...DEFAULT_SETTINGS, count: 'all', feedback: 'end' };
    const result = { ...makeResult('a', []), settings };
    expect(quizResultSchema.parse(result).settings).toEqual(settings);
  });
});
