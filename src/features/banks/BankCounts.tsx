import type { BankEntry } from '../../domain/bank-entry';
import { SERVICE_TYPES } from '../../domain/service-types';

/** "1 question", "1,200 questions": how every part of the banks page says a bank's size. */
export const questionCount = (n: number) =>
  `${n.toLocaleString('en')} question${n === 1 ? '' : 's'}`;

/** A bank's size and how its answers split across the four Service types. */
export function BankCounts({ bank }: { bank: Pick<BankEntry, 'questions' | 'byType'> }) {
  return (
    <p className="bank-counts">
      {questionCount(bank.questions)}:{' '}
      {SERVICE_TYPES.map((type) => `${bank.byType[type]} ${type}`).join(' · ')}
    </p>
  );
}
