import { describe, expect, it } from 'vitest';
import { bankEntry, bankEntrySchema, bankOriginSchema } from '../../src/domain/bank-entry';
import { makeBank, makeQuestion } from '../factories';

const bank = () =>
  makeBank(
    [
      makeQuestion({ answer: 'ClusterIP' }),
      makeQuestion({ answer: 'ClusterIP' }),
      makeQuestion({ answer: 'ExternalName' }),
    ],
    { title: 'Acme drills', description: 'Ingress and DNS.' },
  );

describe('bank list entries', () => {
  it('holds what the list shows: title, description, counts, format, origin and dates', () => {
    const entry = bankEntry(bank(), {
      id: 'custom-acme-drills-x1',
      format: 'csv',
      origin: { kind: 'file', name: 'acme_drills.csv' },
      now: 5_000,
    });
    expect(entry).toEqual({
      id: 'custom-acme-drills-x1',
      title: 'Acme drills',
      description: 'Ingress and DNS.',
      questions: 3,
      byType: { ClusterIP: 2, NodePort: 0, LoadBalancer: 0, ExternalName: 1 },
      format: 'csv',
      origin: { kind: 'file', name: 'acme_drills.csv' },
      addedAt: 5_000,
      updatedAt: 5_000,
    });
    expect(bankEntrySchema.parse(entry)).toEqual(entry);
  });

  it('has no description field when the bank has none', () => {
    const entry = bankEntry(makeBank([makeQuestion()], { description: undefined }), entryInput());
    expect(Object.keys(entry)).not.toContain('description');
    expect(bankEntrySchema.parse(entry)).toEqual(entry);
  });

  it('a new edition keeps the date the bank was first added and records when it was updated', () => {
    const first = bankEntry(bank(), {
      id: 'custom-a',
      format: 'json',
      origin: { kind: 'url', url: 'https://example.com/bank.json' },
      now: 1_000,
    });
    const next = bankEntry(bank(), { ...entryInput(), now: 9_000, previous: first });
    expect([next.addedAt, next.updatedAt, next.origin]).toEqual([1_000, 9_000, { kind: 'paste' }]);
    expect(bankEntry(bank(), { ...entryInput(), previous: null }).addedAt).toBe(7);
  });

  it('reads back each origin and format a stored entry can have', () => {
    for (const origin of [
      { kind: 'file', name: 'a.json' },
      { kind: 'url', url: 'https://example.com/a.json' },
      { kind: 'paste' },
    ])
      expect(bankOriginSchema.safeParse(origin).success).toBe(true);
    const stored = bankEntry(bank(), entryInput());
    for (const format of ['json', 'csv'])
      expect(bankEntrySchema.safeParse({ ...stored, format }).success).toBe(true);
  });

  it('refuses a stored entry it cannot trust', () => {
    const stored = bankEntry(bank(), entryInput());
    for (const broken of [
      { ...stored, id: 'bundled' },
      { ...stored, title: '' },
      { ...stored, questions: 0 },
      { ...stored, format: 'xml' },
      { ...stored, origin: { kind: 'file' } },
      { ...stored, origin: { kind: 'url' } },
      { ...stored, origin: { kind: 'ftp' } },
      { ...stored, byType: { ...stored.byType, ClusterIP: -1 } },
      { ...stored, addedAt: 1.5 },
      { ...stored, updatedAt: -1 },
    ])
      expect([broken, bankEntrySchema.safeParse(broken).success]).toEqual([broken, false]);
  });
});

/** A pasted JSON bank stored as `custom-a` at time 7. */
function entryInput() {
  return {
    id: 'custom-a',
    format: 'json' as const,
    origin: { kind: 'paste' as const },
    now: 7,
  };
}
