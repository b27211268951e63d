import bundledBankUrl from '../../data/questions.json?url';
import { loadBank, type BankLoadResult } from '../domain/bank-loader';

/**
 * Where a bank comes from. Today only the bundled bank; custom banks (loaded by trainers) will add
 * another kind. The bundled bank is fetched as a hashed asset so it stays out of the entry chunk.
 */
export type BankSource = { kind: 'bundled' };

const cache = new Map<string, Promise<BankLoadResult>>();

export function fetchBank(source: BankSource = { kind: 'bundled' }): Promise<BankLoadResult> {
  const key = source.kind;
  let loading = cache.get(key);
  if (!loading) {
    loading = download(bundledBankUrl);
    cache.set(key, loading);
    // A failed download may succeed on the next attempt; do not keep the failure.
    void loading.then((result) => {
      if (!result.ok) cache.delete(key);
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
