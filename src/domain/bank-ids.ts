import { z } from 'zod/mini';
import { hashSeed } from './random';

/**
 * Which bank a piece of progress belongs to. The built-in bank is `builtin`; a learner's own bank
 * is named after its title (`custom-acme-ingress-drills-1k3f9a`), so loading a corrected edition
 * of a bank replaces the old one and keeps its progress, and a participant in a team session
 * files answers under the same id as the host's bank. See docs/decisions/010-question-banks.md.
 */
export const BUILTIN_BANK_ID = 'builtin';

export const bankIdSchema = z
  .string()
  .check(z.regex(/^(builtin|custom-[a-z0-9]+(-[a-z0-9]+)*)$/, 'not a bank id'));

/** Titles that name the same bank: case, spacing and Unicode forms aside. */
export function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The id of a learner's bank with this title: a readable slug and a hash of the whole title. */
export function customBankId(title: string): string {
  const key = titleKey(title);
  const slug = key
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const hash = hashSeed(key).toString(36);
  return slug ? `custom-${slug}-${hash}` : `custom-${hash}`;
}

/**
 * The bank a team session's questions came from, as far as a participant can tell: the session
 * carries the bank's title, and no learner's bank may take the built-in bank's title.
 */
export function bankIdForTitle(title: string, builtinTitle: string): string {
  return titleKey(title) === titleKey(builtinTitle) ? BUILTIN_BANK_ID : customBankId(title);
}
