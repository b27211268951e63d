import { BUILTIN_BANK_ID, bankIdSchema } from '../domain/bank-ids';
import { browserStorage, type KeyValueStorage } from './live-tokens';

const KEY = 'kube-service-trainer.active-bank';
/** The last choice made on this page, for when storage keeps nothing. */
let chosen: string | null = null;

/**
 * Which bank Quiz and Flashcards use, remembered in localStorage. What is read back is checked:
 * anything that is not a bank id reads as the built-in bank (whether the bank is still stored is
 * the page's to check, and to say).
 */
export function readActiveBankId(storage: KeyValueStorage | null = browserStorage()): string {
  let raw: string | null = null;
  try {
    raw = storage ? storage.getItem(KEY) : chosen;
  } catch {
    raw = chosen;
  }
  const parsed = bankIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : BUILTIN_BANK_ID;
}

/** False when the browser keeps nothing (storage blocked): the choice then lasts for this page. */
export function saveActiveBankId(
  id: string,
  storage: KeyValueStorage | null = browserStorage(),
): boolean {
  chosen = id;
  try {
    if (!storage) return false;
    if (id === BUILTIN_BANK_ID) storage.removeItem(KEY);
    else storage.setItem(KEY, id);
    return true;
  } catch {
    return false;
  }
}
