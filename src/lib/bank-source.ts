import bundledBankUrl from '../../data/questions.json?url';
import { title as bundledTitle } from '../../data/questions.json';
import { BUILTIN_BANK_ID } from '../domain/bank-ids';
import { loadBank, type BankLoadResult } from '../domain/bank-loader';
import { createBankLibrary, type BankLibrary } from './bank-library';

/**
 * Where a bank comes from: the built-in bank (fetched as a hashed asset, so it stays out of the
 * entry chunk) or one of the learner's own, from IndexedDB.
 */

/** The built-in bank's title, without its questions: only this string is bundled. */
export const BUILTIN_TITLE: string = bundledTitle;

const cache = new Map<string, Promise<BankLoadResult>>();
let library: BankLibrary | null = null;

/** The app's one bank library (IndexedDB), opened on first use. */
export function bankLibrary(): BankLibrary {
  library ??= createBankLibrary();
  return library;
}

/** The bank with this id, checked by the loader; what is wrong when it cannot be used. */
export function fetchBank(id: string = BUILTIN_BANK_ID): Promise<BankLoadResult> {
  if (id !== BUILTIN_BANK_ID)
    return bankLibrary()
      .load(id)
      .catch((error: unknown) => ({
        ok: false,
        problems: [
          {
            where: 'storage',
            message: `the bank could not be read from this browser’s storage: ${(error as Error).message}`,
          },
        ],
      }));
  let loading = cache.get(id);
  if (!loading) {
    loading = download(bundledBankUrl);
    cache.set(id, loading);
    // A failed download may succeed on the next attempt; do not keep the failure.
    void loading.then((result) => {
      if (!result.ok) cache.delete(id);
    });
  }
  return loading;
}

async function download(url: string): Promise<BankLoadResult> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`the server answered ${response.status} ${response.statusText}`);
    text = await response.text();
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          where: 'download',
          message: `the question bank could not be downloaded: ${(error as Error).message}`,
        },
      ],
    };
  }
  return loadBank(text);
}
