import { describe, expect, it } from 'vitest';
import {
  BUILTIN_BANK_ID,
  bankIdForTitle,
  bankIdSchema,
  customBankId,
  titleKey,
} from '../../src/domain/bank-ids';
import { hashSeed } from '../../src/domain/random';

const isBankId = (id: string) => bankIdSchema.safeParse(id).success;

describe('bank ids', () => {
  it('accepts the built-in id and custom ids of lowercase words and digits joined by dashes', () => {
    expect(BUILTIN_BANK_ID).toBe('builtin');
    for (const id of ['builtin', 'custom-x', 'custom-abc', 'custom-a-bc-1k3f9a', 'custom-10a4hd'])
      expect([id, isBankId(id)]).toEqual([id, true]);
  });

  it('refuses anything else, saying it is not a bank id', () => {
    for (const id of [
      '',
      'bundled',
      'xbuiltin',
      'builtinx',
      'custom',
      'custom-',
      'custom--a',
      'custom-a-',
      'custom-a--b',
      'custom-A',
      'custom-a_b',
      'custom-a b',
      'Custom-a',
      'x-custom-a',
    ])
      expect([id, isBankId(id)]).toEqual([id, false]);
    const refused = bankIdSchema.safeParse('custom-');
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['not a bank id']);
  });

  it('reads titles that differ only in case, spacing or Unicode form as one title', () => {
    expect(titleKey('  Acme \t Ingress\n Drills ')).toBe('acme ingress drills');
    expect(titleKey('Cafe\u0301')).toBe(titleKey('Café'));
    expect(titleKey('Cafe\u0301')).toBe('caf\u00e9');
  });

  it('names a custom bank by a slug of its title and a hash of the whole title', () => {
    // Ids are stored with progress: this one must never change.
    expect(customBankId('Acme: Ingress Drills!')).toBe('custom-acme-ingress-drills-c9uwkv');
    expect(customBankId('Acme: Ingress Drills!')).toBe(
      `custom-acme-ingress-drills-${hashSeed('acme: ingress drills!').toString(36)}`,
    );
  });

  it('gives titles that read the same the same id, and different titles different ids', () => {
    const id = customBankId('Acme: Ingress Drills!');
    expect(customBankId('  acme:   INGRESS drills! ')).toBe(id);
    // Same slug, different title: the hash keeps them apart.
    expect(customBankId('Acme Ingress Drills')).not.toBe(id);
    expect(customBankId('Acme Ingress Drills').startsWith('custom-acme-ingress-drills-')).toBe(
      true,
    );
  });

  it('slugs accents to plain letters and any run of other characters to one dash', () => {
    const slugOf = (title: string) => customBankId(title).replace(/-[0-9a-z]+$/, '');
    expect(slugOf('Café: Ops')).toBe('custom-cafe-ops');
    expect(slugOf('¡¡Hola, mundo!!')).toBe('custom-hola-mundo');
    expect(slugOf('--Tier 1 -- on-call--')).toBe('custom-tier-1-on-call');
  });

  it('keeps at most 40 characters of slug, never ending on a dash', () => {
    const hash = (title: string) => hashSeed(titleKey(title)).toString(36);
    const cut = `${'a'.repeat(39)} ${'b'.repeat(10)}`;
    expect(customBankId(cut)).toBe(`custom-${'a'.repeat(39)}-${hash(cut)}`);
    const long = 'x'.repeat(70);
    expect(customBankId(long)).toBe(`custom-${'x'.repeat(40)}-${hash(long)}`);
  });

  it('a title with no letters or digits to slug is named by its hash alone', () => {
    expect(customBankId('日本語')).toBe('custom-10a4hd');
    expect(customBankId('…')).toBe(`custom-${hashSeed('…').toString(36)}`);
  });

  it('every id it makes is a valid bank id', () => {
    for (const title of ['Acme', '日本語', '…', `${'a'.repeat(39)} b`, 'Café Ops', 'Ⅻ drills'])
      expect([title, isBankId(customBankId(title))]).toEqual([title, true]);
  });

  it("files a team session under the built-in bank when it carries the built-in bank's title", () => {
    expect(bankIdForTitle('Kubernetes Services', 'Kubernetes Services')).toBe('builtin');
    expect(bankIdForTitle('  kubernetes   SERVICES', 'Kubernetes Services')).toBe('builtin');
    expect(bankIdForTitle('Acme: Ingress Drills!', 'Kubernetes Services')).toBe(
      'custom-acme-ingress-drills-c9uwkv',
    );
  });
});
