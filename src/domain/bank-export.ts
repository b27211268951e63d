import type { Bank } from './bank-schema';

/**
 * A bank as a JSON file in the format the app loads, pointing its editor at the app's JSON Schema,
 * so an author who edits it sees mistakes as they type.
 */
export function bankJsonText(bank: Bank, schemaUrl: string): string {
  const { $schema: _, ...rest } = bank;
  return `${JSON.stringify({ $schema: schemaUrl, ...rest }, null, 2)}\n`;
}

/** "acme-ingress-drills" from "Acme: ingress drills!", for file names; "bank" when nothing is left. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'bank';
}
