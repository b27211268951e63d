import { describe, expect, it } from 'vitest';
import { banksWithProgress, ofBank } from '../../src/domain/bank-progress';
import type { QuizResult, ReviewLog } from '../../src/domain/progress-schema';
import { makeResult, makeReview } from '../factories-progress';

const result = (
  bankId: string,
  finishedAt: number,
  bankTitle: string,
  kind: QuizResult['kind'] = 'new',
): QuizResult => ({
  ...makeResult(`quiz-${bankId}-${finishedAt}`, [], finishedAt),
  bankId,
  bankTitle,
  kind,
  ...(kind === 'team' ? { team: { code: 'K8SABC', name: 'Ana' } } : {}),
});

const review = (bankId: string, reviewedAt: number): ReviewLog => ({
  ...makeReview(`r-${bankId}-${reviewedAt}`, 'q', reviewedAt),
  bankId,
});

describe('progress per bank', () => {
  it("keeps only one bank's records, in their order", () => {
    const records = [
      review('builtin', 1),
      review('custom-a', 2),
      review('builtin', 3),
      review('custom-ab', 4),
    ];
    expect(ofBank(records, 'builtin').map((r) => r.id)).toEqual(['r-builtin-1', 'r-builtin-3']);
    expect(ofBank(records, 'custom-a').map((r) => r.id)).toEqual(['r-custom-a-2']);
    expect(ofBank(records, 'custom-none')).toEqual([]);
  });

  it('counts quizzes, team results and reviews per bank', () => {
    const banks = banksWithProgress({
      quizResults: [
        result('builtin', 100, 'Kubernetes Services'),
        result('builtin', 200, 'Kubernetes Services', 'retry'),
        result('builtin', 300, 'Kubernetes Services', 'team'),
        result('custom-acme', 50, 'Acme', 'team'),
      ],
      reviewLogs: [review('builtin', 10), review('custom-cards', 20), review('custom-cards', 30)],
    });
    expect(banks).toEqual([
      {
        id: 'builtin',
        title: 'Kubernetes Services',
        quizResults: 2,
        teamResults: 1,
        reviewLogs: 1,
      },
      { id: 'custom-acme', title: 'Acme', quizResults: 0, teamResults: 1, reviewLogs: 0 },
      { id: 'custom-cards', title: null, quizResults: 0, teamResults: 0, reviewLogs: 2 },
    ]);
  });

  it('names a bank by the title of its latest result, the later-recorded one on a tie', () => {
    const titleOf = (results: QuizResult[]) =>
      banksWithProgress({ quizResults: results, reviewLogs: [] })[0]?.title;
    expect(titleOf([result('custom-a', 100, 'Old'), result('custom-a', 200, 'New')])).toBe('New');
    expect(titleOf([result('custom-a', 200, 'New'), result('custom-a', 100, 'Old')])).toBe('New');
    expect(titleOf([result('custom-a', 100, 'First'), result('custom-a', 100, 'Second')])).toBe(
      'Second',
    );
    expect(titleOf([result('custom-a', 0, 'At zero')])).toBe('At zero');
  });

  it('lists the bank used most recently first, by quiz or by review', () => {
    const order = (quizResults: QuizResult[], reviewLogs: ReviewLog[]) =>
      banksWithProgress({ quizResults, reviewLogs }).map((b) => b.id);
    expect(
      order(
        [result('custom-a', 100, 'A'), result('custom-b', 300, 'B'), result('custom-c', 200, 'C')],
        [],
      ),
    ).toEqual(['custom-b', 'custom-c', 'custom-a']);
    // A later review moves its bank up; an older one does not move it down.
    expect(
      order(
        [result('custom-a', 100, 'A'), result('custom-b', 300, 'B')],
        [review('custom-a', 400), review('custom-b', 5)],
      ),
    ).toEqual(['custom-a', 'custom-b']);
    expect(
      order([result('custom-a', 100, 'A')], [review('custom-b', 50), review('custom-b', 150)]),
    ).toEqual(['custom-b', 'custom-a']);
  });

  it('orders banks last used at the same moment by id', () => {
    expect(
      banksWithProgress({
        quizResults: [result('custom-c', 100, 'C'), result('custom-a', 100, 'A')],
        reviewLogs: [review('custom-b', 100)],
      }).map((b) => b.id),
    ).toEqual(['custom-a', 'custom-b', 'custom-c']);
  });

  it('has nothing to list without progress', () => {
    expect(banksWithProgress({ quizResults: [], reviewLogs: [] })).toEqual([]);
  });
});
