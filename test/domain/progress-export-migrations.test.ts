import { describe, expect, it } from 'vitest';
import type { MigrationChain } from '../../src/domain/migrations';
import {
  buildExport,
  EXPORT_VERSION,
  parseExport,
  upgradeExport,
} from '../../src/domain/progress-export';
import { makeResult, makeReview } from '../factories-progress';
import { exportToV2, failingStep } from '../fakes/test-migrations';

// A file as version 1 wrote it, whatever version this app is at now.
const v1File = {
  ...buildExport(
    {
      quizResults: [makeResult('quiz-1', [])],
      reviewLogs: [makeReview('r1', 'q1', 50)],
      flashcardSettings: null,
    },
    1234,
  ),
  version: 1,
};
const text = (file: unknown) => JSON.stringify(file);

describe('importing an export from an older version', () => {
  it('migrates it step by step to the format this app writes', () => {
    const parsed = parseExport(text(v1File), exportToV2);
    expect(parsed).toEqual({
      ok: true,
      data: {
        ...v1File,
        version: EXPORT_VERSION,
        reviewLogs: [{ ...v1File.reviewLogs[0], questionId: 'bundled-q1' }],
      },
    });
  });

  it('reads a file at the current version without running any step', () => {
    expect(upgradeExport({ ...v1File, version: 2 }, exportToV2)).toEqual({
      ok: true,
      data: { ...v1File, version: EXPORT_VERSION },
      from: 2,
    });
    expect(upgradeExport(v1File, [])).toEqual({
      ok: true,
      data: { ...v1File, version: EXPORT_VERSION },
      from: 1,
    });
  });

  it('refuses a file from a newer version, saying what to do', () => {
    expect(parseExport(text({ ...v1File, version: 3 }), exportToV2)).toEqual({
      ok: false,
      problems: [
        'This file was exported by a newer version of the app (format version 3); this app reads up to 2. Update the app, then import it.',
      ],
    });
  });

  it('refuses a file a step cannot convert, saying which step and why', () => {
    expect(parseExport(text(v1File), [...exportToV2, failingStep])).toEqual({
      ok: false,
      problems: [
        'This file is in format version 2, and converting it to version 3 failed: cannot convert this record',
      ],
    });
  });

  it('refuses a file without a usable version', () => {
    const { version: _, ...unversioned } = v1File;
    expect(parseExport(text(unversioned), [])).toEqual({
      ok: false,
      problems: ['This file has no usable format version (its "version" field is missing).'],
    });
    expect(parseExport(text({ ...v1File, version: '1' }), [])).toEqual({
      ok: false,
      problems: ['This file has no usable format version (its "version" field is "1").'],
    });
  });

  it('lists what is wrong when a migrated file still does not fit', () => {
    const dropsReviews: MigrationChain<void> = [(file) => ({ ...(file as object), reviewLogs: 7 })];
    expect(parseExport(text(v1File), dropsReviews)).toEqual({
      ok: false,
      problems: ['reviewLogs: expected array, got 7'],
    });
    const notAnObject: MigrationChain<void> = [() => 'gone'];
    expect(parseExport(text(v1File), notAnObject)).toEqual({
      ok: false,
      problems: ['file: expected object, got "gone"'],
    });
  });
});
