import type { ProgressData } from './progress-export';

/** The records of one bank: progress is kept per bank, so no bank's cards or scores mix with another's. */
export function ofBank<T extends { bankId: string }>(records: readonly T[], bankId: string): T[] {
  return records.filter((r) => r.bankId === bankId);
}

export interface BankWithProgress {
  id: string;
  /** The title its latest quiz result was recorded under, if any. */
  title: string | null;
  quizResults: number;
  teamResults: number;
  reviewLogs: number;
}

/** Every bank the learner has progress in, with how much, the most recent first. */
export function banksWithProgress(
  data: Pick<ProgressData, 'quizResults' | 'reviewLogs'>,
): BankWithProgress[] {
  const banks = new Map<string, BankWithProgress & { last: number }>();
  const entry = (id: string) => {
    let bank = banks.get(id);
    if (!bank) {
      bank = { id, title: null, quizResults: 0, teamResults: 0, reviewLogs: 0, last: 0 };
      banks.set(id, bank);
    }
    return bank;
  };
  for (const r of data.quizResults) {
    const bank = entry(r.bankId);
    if (r.kind === 'team') bank.teamResults += 1;
    else bank.quizResults += 1;
    if (r.finishedAt >= bank.last) {
      bank.last = r.finishedAt;
      bank.title = r.bankTitle;
    }
  }
  for (const l of data.reviewLogs) {
    const bank = entry(l.bankId);
    bank.reviewLogs += 1;
    bank.last = Math.max(bank.last, l.reviewedAt);
  }
  return [...banks.values()]
    .sort((a, b) => b.last - a.last || a.id.localeCompare(b.id))
    .map(({ last: _, ...bank }) => bank);
}
