import { customBankId, titleKey } from '../domain/bank-ids';
import { bankEntry, type BankEntry, type BankOrigin } from '../domain/bank-entry';
import { csvTitle, loadCsvBank } from '../domain/bank-csv';
import { loadBank, tooLargeMessage, type BankProblem } from '../domain/bank-loader';
import { BANK_LIMITS, type Bank } from '../domain/bank-schema';
import type { BankLibrary } from './bank-library';

/**
 * Loading a learner's bank: read it (a file, a URL or pasted text), check it with the same loader
 * as `npm run check-bank`, and store it only when it is clean. Runs in a Web Worker
 * (bank-worker.ts), so a bank of thousands of questions never holds up the page.
 */
export type ImportInput =
  | { kind: 'file'; file: File }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string }
  /** Text read before and shown to the learner: what they said yes to is exactly what is stored. */
  | { kind: 'read'; source: ReadSource };

/** A bank's text as it was read, with where it came from. */
export interface ReadSource {
  text: string;
  name: string | null;
  origin: BankOrigin;
  hint: BankFormat | null;
}

export interface ImportRequest {
  input: ImportInput;
  /** The learner said yes to replacing their bank of the same title. */
  replace: boolean;
  /**
   * Read and check only, and say what would be added: for a `/banks?url=…` link, which anyone can
   * send, so nothing enters the learner's library until they say so.
   */
  checkOnly?: boolean;
  /** No learner's bank may take the built-in bank's title: a team session is told apart by it. */
  builtinTitle: string;
  /** What a relative URL is relative to (the app's own address). */
  baseUrl: string;
  now: number;
}

export type ImportProgress =
  | { phase: 'reading'; loaded: number; total: number | null }
  | { phase: 'checking' }
  | { phase: 'saving' };

export type ImportOutcome =
  /** The bank cannot be used; nothing was stored. */
  | { status: 'problems'; problems: BankProblem[]; format: BankFormat | null }
  /** It could not be read at all (network, permissions). Nothing was stored. */
  | { status: 'failed'; message: string }
  /** A different bank of this title is stored: the learner decides. Nothing was stored. */
  | { status: 'exists'; existing: BankEntry; incoming: BankEntry }
  /** The very same bank is stored already. */
  | { status: 'unchanged'; entry: BankEntry }
  | { status: 'saved'; entry: BankEntry; replaced: boolean }
  /** Clean and ready to add (a check-only request); nothing was stored. */
  | { status: 'checked'; incoming: BankEntry; existing: BankEntry | null; source: ReadSource }
  | { status: 'cancelled' };

export type BankFormat = 'json' | 'csv';

export interface ImportDeps {
  library: BankLibrary;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  onProgress: (progress: ImportProgress) => void;
}

const problems = (
  message: string,
  where = '',
  format: BankFormat | null = null,
): ImportOutcome => ({
  status: 'problems',
  problems: [{ where, message }],
  format,
});

export async function runImport(request: ImportRequest, deps: ImportDeps): Promise<ImportOutcome> {
  const read = await readInput(request, deps);
  if ('status' in read) return read;
  const { text, name, origin, hint } = read;
  const format = formatOf(name, hint, text);
  deps.onProgress({ phase: 'checking' });
  const loaded = format === 'csv' ? loadCsvBank(text, csvTitle(name)) : loadBank(text);
  if (!loaded.ok) return { status: 'problems', problems: loaded.problems, format };
  const bank = loaded.bank;
  if (titleKey(bank.title) === titleKey(request.builtinTitle))
    return problems(
      `“${bank.title}” is the built-in bank’s title; give your bank a title of its own`,
      format === 'csv' ? 'title (from the file name)' : 'title',
      format,
    );

  const id = customBankId(bank.title);
  const existing = await deps.library.entry(id);
  const incoming = bankEntry(bank, { id, format, origin, now: request.now, previous: existing });
  if (existing) {
    const stored = await deps.library.load(id);
    if (stored.ok && sameBank(stored.bank, bank)) return { status: 'unchanged', entry: existing };
    if (!request.replace && !request.checkOnly) return { status: 'exists', existing, incoming };
  }
  if (request.checkOnly) return { status: 'checked', incoming, existing, source: read };
  deps.onProgress({ phase: 'saving' });
  await deps.library.save(incoming, bank);
  return { status: 'saved', entry: incoming, replaced: existing !== null };
}

const sameBank = (a: Bank, b: Bank) => JSON.stringify(a) === JSON.stringify(b);

type Read = ReadSource | ImportOutcome;

async function readInput(request: ImportRequest, deps: ImportDeps): Promise<Read> {
  const { input } = request;
  if (input.kind === 'text')
    return { text: input.text, name: null, origin: { kind: 'paste' }, hint: null };
  if (input.kind === 'read') return input.source;
  if (input.kind === 'file') {
    const { file } = input;
    if (file.size > BANK_LIMITS.bytes) return problems(tooLargeMessage(file.size));
    const text = await readStream(file.stream(), file.size, deps.onProgress);
    if (typeof text !== 'string') return text;
    return { text, name: file.name, origin: { kind: 'file', name: file.name }, hint: null };
  }
  return download(input.url, request.baseUrl, deps);
}

async function download(raw: string, baseUrl: string, deps: ImportDeps): Promise<Read> {
  let url: URL;
  try {
    url = new URL(raw.trim(), baseUrl);
  } catch {
    return { status: 'failed', message: `“${raw}” is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      status: 'failed',
      message: 'A bank can be loaded from an http or https address only.',
    };
  let response: Response;
  try {
    // No cookies or credentials go to another site on the learner's behalf.
    response = await deps.fetch(url.href, { credentials: 'omit', redirect: 'follow' });
  } catch {
    return {
      status: 'failed',
      message: `The bank could not be downloaded from ${url.href}: the network is down, or that server does not let other sites download it (CORS). Download the file and load it from your computer instead.`,
    };
  }
  if (!response.ok || !response.body)
    return {
      status: 'failed',
      message:
        `The bank could not be downloaded from ${url.href}: the server answered ${response.status} ${response.statusText}.`.replace(
          / \./,
          '.',
        ) + ' Check the address, or ask whoever shared it where the bank is now.',
    };
  const type = response.headers.get('content-type') ?? '';
  // A link to a page about the file (GitHub's file view, a wiki) rather than to the file itself.
  if (/^text\/html\b/i.test(type)) {
    void response.body.cancel();
    return {
      status: 'failed',
      message: `${url.href} is a web page, not a bank file. Use the address of the JSON or CSV file itself (on GitHub, the “Raw” link).`,
    };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > BANK_LIMITS.bytes) {
    void response.body.cancel();
    return problems(tooLargeMessage(declared));
  }
  const text = await readStream(
    response.body,
    Number.isFinite(declared) ? declared : null,
    deps.onProgress,
  );
  if (typeof text !== 'string') return text;
  const hint = /csv/i.test(type) ? 'csv' : /json/i.test(type) ? 'json' : null;
  const name = decodeURIComponent(url.pathname.split('/').pop() ?? '') || null;
  return { text, name, origin: { kind: 'url', url: url.href }, hint };
}

/** The bytes as UTF-8 text, with progress; stops reading past the size limit. */
async function readStream(
  stream: ReadableStream<Uint8Array>,
  total: number | null,
  onProgress: ImportDeps['onProgress'],
): Promise<string | ImportOutcome> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = stream.getReader();
  let loaded = 0;
  let text = '';
  onProgress({ phase: 'reading', loaded, total });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > BANK_LIMITS.bytes) {
        void reader.cancel();
        const limit = BANK_LIMITS.bytes / 1024 / 1024;
        return problems(`the file is over ${limit} MB; a bank can be at most ${limit} MB`);
      }
      text += decoder.decode(value, { stream: true });
      onProgress({ phase: 'reading', loaded, total });
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof TypeError && /decode|encod/i.test(error.message))
      return problems(
        'the file is not UTF-8 text; save it as UTF-8 (in a spreadsheet, as “CSV UTF-8”)',
      );
    return { status: 'failed', message: `The bank could not be read: ${(error as Error).message}` };
  }
}

function formatOf(name: string | null, hint: BankFormat | null, text: string): BankFormat {
  const ext = /\.([a-z]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'json';
  if (hint) return hint;
  // Pasted text, or an address without an extension: JSON starts with a brace.
  return /^\s*[{[]/.test(text) ? 'json' : 'csv';
}
