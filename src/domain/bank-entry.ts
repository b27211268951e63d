import { z } from 'zod/mini';
import { bankIdSchema } from './bank-ids';
import { serviceTypeSchema, type Bank } from './bank-schema';
import { summarizeBank } from './bank-summary';

/** Where a learner's bank was loaded from, to show beside it. */
export const bankOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: z.string() }),
  z.object({ kind: z.literal('url'), url: z.string() }),
  z.object({ kind: z.literal('paste') }),
]);
export type BankOrigin = z.infer<typeof bankOriginSchema>;

const epochMs = z.int().check(z.nonnegative());

/**
 * What the bank list shows of a stored bank, kept apart from its questions so the list opens
 * without reading thousands of them.
 */
export const bankEntrySchema = z.object({
  id: bankIdSchema,
  title: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  questions: z.int().check(z.positive()),
  byType: z.record(serviceTypeSchema, z.int().check(z.nonnegative())),
  format: z.enum(['json', 'csv']),
  origin: bankOriginSchema,
  addedAt: epochMs,
  updatedAt: epochMs,
});
export type BankEntry = z.infer<typeof bankEntrySchema>;

export function bankEntry(
  bank: Bank,
  input: {
    id: string;
    format: BankEntry['format'];
    origin: BankOrigin;
    now: number;
    /** The entry this bank replaces (a new edition with the same title): it keeps its first date. */
    previous?: BankEntry | null;
  },
): BankEntry {
  const summary = summarizeBank(bank);
  return {
    id: input.id,
    title: bank.title,
    ...(bank.description === undefined ? {} : { description: bank.description }),
    questions: summary.total,
    byType: summary.byType,
    format: input.format,
    origin: input.origin,
    addedAt: input.previous?.addedAt ?? input.now,
    updatedAt: input.now,
  };
}
