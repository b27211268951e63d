// Randomness for ids and seeds. crypto.getRandomValues works on plain http too (a phone on the
// LAN), unlike crypto.randomUUID, which needs a secure context.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomString(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A short seed for a shareable quiz link. */
export const randomSeed = () => randomString(8);

/** A unique id for a record. */
export const randomId = () => randomString(20);
