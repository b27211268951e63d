import type { Bank } from './bank-schema';
import { byType, type ServiceType } from './service-types';

export interface BankSummary {
  total: number;
  byType: Record<ServiceType, number>;
}

export function summarizeBank(bank: Bank): BankSummary {
  const counts = byType(() => 0);
  for (const question of bank.questions) counts[question.answer] += 1;
  return { total: bank.questions.length, byType: counts };
}
