import { describe, expect, it } from 'vitest';
import { bankJsonText, fileStem } from '../../src/domain/bank-export';
import { makeBank, makeQuestion } from '../factories';

describe('JSON export', () => {
  it('points $schema at the app and keeps every field', () => {
    const bank = makeBank([makeQuestion({ id: 'q' })]);
    const json = JSON.parse(bankJsonText(bank, 'https://app.test/questions.schema.json'));
    expect(json).toEqual({ $schema: 'https://app.test/questions.schema.json', ...bank });
  });

  it('replaces a $schema the bank had, puts it first, and ends with a line break', () => {
    const bank = { $schema: 'https://old.test/s.json', ...makeBank([makeQuestion({ id: 'q' })]) };
    const text = bankJsonText(bank, 'https://app.test/questions.schema.json');
    expect(text.startsWith('{\n  "$schema": "https://app.test/questions.schema.json",\n')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.match(/\$schema/g)).toHaveLength(1);
  });
});

describe('file names', () => {
  it('names the file after the title', () => {
    expect(fileStem('Acme: ingress drills!')).toBe('acme-ingress-drills');
    expect(fileStem('Café Ops')).toBe('cafe-ops');
    expect(fileStem('…')).toBe('bank');
    expect(fileStem('')).toBe('bank');
  });

  it('keeps at most 60 characters and never ends on a dash', () => {
    const long = `${'a'.repeat(59)} ${'b'.repeat(10)}`;
    expect(fileStem(long)).toBe('a'.repeat(59));
    expect(fileStem('x'.repeat(80))).toBe('x'.repeat(60));
  });
});
