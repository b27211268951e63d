import { describe, expect, it } from 'vitest';
import {
  importMerging,
  importReplacing,
  resetProgress,
  restoreBackup,
  takeDailyBackupIfDue,
} from '../../src/domain/backups';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import { dailyBackupDue, dayKey, backupsToDrop } from '../../src/domain/backup-records';

const utc = fixedOffsetCalendar(0);
import { createMemoryProgressStore } from '../fakes/memory-progress-store';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 1, 9); // 1 Nov 2026, 09:00 UTC

describe('backup rules', () => {
  it('names the local calendar day', () => {
    expect(dayKey(Date.UTC(2026, 10, 1, 23, 30), utc)).toBe('2026-11-01');
    // Half past eleven in the evening UTC is already the next day in UTC+1 (offset -60).
    expect(dayKey(Date.UTC(2026, 10, 1, 23, 30), fixedOffsetCalendar(60))).toBe('2026-11-02');
  });

  it('is due once a day, counting only daily backups', () => {
    expect(dailyBackupDue([], '2026-11-01')).toBe(true);
    expect(dailyBackupDue([{ day: '2026-11-01', reason: 'before-import' }], '2026-11-01')).toBe(
      true,
    );
    expect(dailyBackupDue([{ day: '2026-11-01', reason: 'daily' }], '2026-11-01')).toBe(false);
  });

  it('keeps the newest seven', () => {
    const all = Array.from({ length: 9 }, (_, i) => ({ takenAt: i }));
    expect(backupsToDrop(all).map((s) => s.takenAt)).toEqual([1, 0]);
    expect(backupsToDrop(all.slice(0, 7))).toEqual([]);
  });
});

describe('backups', () => {
  const withProgress = () =>
    createMemoryProgressStore({
      quizResults: [makeResult('q-1', [makeAnswer('a', 'NodePort', 'NodePort')])],
    });

  it('takes the daily backup once a day and rotates to the last 7', async () => {
    const store = withProgress();
    expect(await takeDailyBackupIfDue(store, start, utc)).toBe(true);
    expect(await takeDailyBackupIfDue(store, start + 3_600_000, utc)).toBe(false);
    for (let day = 1; day <= 9; day++)
      expect(await takeDailyBackupIfDue(store, start + day * DAY, utc)).toBe(true);
    const kept = await store.listBackups();
    expect(kept.map((s) => s.day)).toEqual([
      '2026-11-10',
      '2026-11-09',
      '2026-11-08',
      '2026-11-07',
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
    ]);
    expect(kept[0]?.data.quizResults).toHaveLength(1);
  });

  it('takes no daily backup while there is nothing to keep', async () => {
    const store = createMemoryProgressStore();
    expect(await takeDailyBackupIfDue(store, start, utc)).toBe(false);
    expect(await store.listBackups()).toEqual([]);
  });

  it('resetting takes a backup first, and restoring it brings everything back', async () => {
    const store = withProgress();
    await resetProgress(store, start, utc);
    expect((await store.exportData()).quizResults).toEqual([]);
    const [backup] = await store.listBackups();
    expect(backup).toMatchObject({ reason: 'before-reset' });
    await restoreBackup(store, backup!, start + 1000, utc);
    expect((await store.exportData()).quizResults.map((r) => r.quizId)).toEqual(['q-1']);
  });

  it('importing merges (with a backup first); replacing swaps everything', async () => {
    const store = withProgress();
    const incoming = {
      quizResults: [makeResult('q-2', [], 20_000)],
      reviewLogs: [makeReview('r', 'a', 5)],
      flashcardSettings: null,
    };
    await importMerging(store, incoming, start, utc);
    expect((await store.exportData()).quizResults.map((r) => r.quizId)).toEqual(['q-1', 'q-2']);
    await importMerging(store, incoming, start + 1, utc);
    expect((await store.exportData()).reviewLogs).toHaveLength(1);
    await importReplacing(store, { ...incoming, quizResults: [] }, start + 2, utc);
    expect((await store.exportData()).quizResults).toEqual([]);
    expect((await store.listBackups()).map((s) => s.reason)).toEqual([
      'before-import',
      'before-import',
      'before-import',
    ]);
  });
});
