import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/domain/progress-export';
import {
  MIGRATIONS,
  readRecord,
  wrapRecord,
  type MigrationChains,
} from '../../src/domain/progress-records';
import type { Backup } from '../../src/domain/backup-records';
import { makeAnswer, makeResult, makeReview } from '../factories-progress';
import { exportToV2, failingStep, prefixBankIds, toV2, v1Only } from '../fakes/test-migrations';

const review = makeReview('r1', 'q1', 50);
const result = makeResult('quiz-1', []);

describe('reading a stored record', () => {
  it('reads a record in the current format as it is', () => {
    expect(readRecord(wrapRecord(review), 'reviewLogs')).toEqual({
      status: 'current',
      value: review,
    });
    expect(wrapRecord(review, v1Only)).toEqual({ v: 1, data: review });
    expect(readRecord({ v: 1, data: review }, 'reviewLogs', v1Only)).toEqual({
      status: 'current',
      value: review,
    });
    expect(readRecord({ v: 2, data: review }, 'reviewLogs', toV2)).toEqual({
      status: 'current',
      value: review,
    });
  });

  it('migrates an older record and gives the envelope to store in its place', () => {
    const migrated = { ...review, questionId: 'bundled-q1' };
    expect(readRecord({ v: 1, data: review }, 'reviewLogs', toV2)).toEqual({
      status: 'migrated',
      value: migrated,
      envelope: { v: 2, data: migrated },
    });
    expect(wrapRecord(migrated, toV2)).toEqual({ v: 2, data: migrated });
  });

  it('tells each step which kind of record it migrates', () => {
    // The test step changes reviews only: a quiz result comes through unchanged, but is still
    // stored again at the new version.
    expect(readRecord({ v: 1, data: result }, 'quizResults', toV2)).toEqual({
      status: 'migrated',
      value: result,
      envelope: { v: 2, data: result },
    });
  });

  it('sets aside a record from a newer version of the app, saying so', () => {
    expect(readRecord({ v: 2, data: review }, 'reviewLogs', v1Only)).toEqual({
      status: 'set-aside',
      reason:
        'written by a newer version of the app (format version 2; this app reads up to 1); open the latest version of the app to read it',
    });
  });

  it('sets aside a record that a step cannot migrate, saying which step and why', () => {
    const chains: MigrationChains = { records: [prefixBankIds, failingStep], exports: [] };
    expect(readRecord({ v: 1, data: review }, 'reviewLogs', chains)).toEqual({
      status: 'set-aside',
      reason: 'migrating from format version 2 to 3 failed: cannot convert this record',
    });
    expect(readRecord({ v: 1, data: { ...review, questionId: 7 } }, 'reviewLogs', toV2)).toEqual({
      status: 'set-aside',
      reason: 'migrating from format version 1 to 2 failed: questionId is not a string',
    });
  });

  it.each([
    [null, 'not a versioned record'],
    ['text', 'not a versioned record'],
    [[1, review], 'not a versioned record'],
    [review, 'not a versioned record'],
    [{ v: '1', data: review }, 'not a versioned record (format version "1")'],
    [{ v: 0, data: review }, 'not a versioned record (format version 0)'],
    [{ v: undefined, data: review }, 'not a versioned record (format version missing)'],
  ])('sets aside a record without a usable version: %j', (raw, reason) => {
    expect(readRecord(raw, 'reviewLogs', v1Only)).toEqual({ status: 'set-aside', reason });
  });

  it('sets aside a record that does not fit the schema, naming the field', () => {
    expect(
      readRecord({ v: 1, data: { ...result, answers: 'nope' } }, 'quizResults', v1Only),
    ).toEqual({
      status: 'set-aside',
      reason: 'answers: Invalid input: expected array, received string',
    });
    const badChoice = {
      ...result,
      answers: [{ ...makeAnswer('q1', 'NodePort', 'NodePort'), choice: 'x' }],
    };
    expect(readRecord({ v: 1, data: badChoice }, 'quizResults', v1Only)).toMatchObject({
      reason: expect.stringMatching(/^answers\.0\.choice: /),
    });
    expect(readRecord({ v: 1, data: 'nope' }, 'settings', v1Only)).toEqual({
      status: 'set-aside',
      reason: 'record: Invalid input: expected object, received string',
    });
  });

  it('says when a record fails the schema only after it was migrated', () => {
    const broken = { ...review, rating: 9 };
    expect(readRecord({ v: 1, data: broken }, 'reviewLogs', toV2)).toMatchObject({
      status: 'set-aside',
      reason: expect.stringMatching(/^rating: .* \(after migrating from format version 1\)$/),
    });
  });
});

describe('reading a stored snapshot', () => {
  const snapshot: Backup = {
    day: '2025-11-24',
    takenAt: 5,
    reason: 'daily',
    data: {
      ...buildExport({ quizResults: [result], reviewLogs: [review], flashcardSettings: null }, 5),
      version: 1,
    },
  };
  const withExportsToV2: MigrationChains = { records: [], exports: exportToV2 };

  it('reads a snapshot as this app writes it', () => {
    const current = { ...snapshot, data: buildExport(snapshot.data, 5) };
    expect(readRecord(wrapRecord(current, MIGRATIONS), 'snapshots')).toEqual({
      status: 'current',
      value: current,
    });
  });

  it('migrates the export inside a snapshot through the export chain, and stores it again', () => {
    const read = readRecord({ v: 1, data: snapshot }, 'snapshots', withExportsToV2);
    expect(read.status).toBe('migrated');
    if (read.status !== 'migrated') return;
    expect(read.value.data.reviewLogs[0]?.questionId).toBe('bundled-q1');
    expect(read.envelope).toEqual({ v: 1, data: read.value });
  });

  it('sets aside a snapshot whose export it cannot read', () => {
    const newer = { ...snapshot, data: { ...snapshot.data, version: 3 } };
    expect(readRecord({ v: 1, data: newer }, 'snapshots', withExportsToV2)).toEqual({
      status: 'set-aside',
      reason:
        'data: This file was exported by a newer version of the app (format version 3); this app reads up to 2. Update the app, then import it.',
    });
    const twoProblems = { ...snapshot, data: { ...snapshot.data, bankIds: 5, reviewLogs: 'x' } };
    expect(readRecord({ v: 1, data: twoProblems }, 'snapshots', v1Only)).toEqual({
      status: 'set-aside',
      reason: 'data: bankIds: expected array, got 5 reviewLogs: expected array, got "x"',
    });
    const notObject = { v: 1, data: 'snapshot' };
    expect(readRecord(notObject, 'snapshots', v1Only)).toEqual({
      status: 'set-aside',
      reason: 'record: Invalid input: expected object, received string',
    });
  });
});
