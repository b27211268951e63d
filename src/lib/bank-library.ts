import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { validateBank, type BankLoadResult } from '../domain/bank-loader';
import { bankEntrySchema, type BankEntry } from '../domain/bank-entry';
import type { Bank } from '../domain/bank-schema';

/** A stored record and the format version it was written in, as progress records are kept. */
interface Envelope {
  v: number;
  data: unknown;
}

interface BanksDB extends DBSchema {
  /** What the list shows of each bank, by bank id. */
  entries: { key: string; value: Envelope };
  /** The checked bank itself, by bank id. */
  banks: { key: string; value: Envelope };
}

export const BANKS_DB_NAME = 'kube-service-trainer-banks';
const FORMAT = 1;

export interface DamagedBank {
  id: string;
  reason: string;
}

/**
 * The learner's own banks, in an IndexedDB database of their own (apart from progress: removing a
 * bank and removing its progress are two choices). Used by the page and by the import worker.
 * Everything read back is validated again: storage is an edge like any file.
 */
export interface BankLibrary {
  list(): Promise<{ entries: BankEntry[]; damaged: DamagedBank[] }>;
  entry(id: string): Promise<BankEntry | null>;
  /** The bank, checked by the loader; its problems if the stored copy cannot be used. */
  load(id: string): Promise<BankLoadResult>;
  /** Stores the entry and the bank in one transaction: never one without the other. */
  save(entry: BankEntry, bank: Bank): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createBankLibrary(name = BANKS_DB_NAME): BankLibrary {
  let opened: Promise<IDBPDatabase<BanksDB>> | null = null;
  const db = () =>
    (opened ??= openDB<BanksDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore('entries');
        database.createObjectStore('banks');
      },
    }));

  return {
    async list() {
      const tx = (await db()).transaction('entries');
      const entries: BankEntry[] = [];
      const damaged: DamagedBank[] = [];
      let cursor = await tx.store.openCursor();
      while (cursor) {
        const read = readEntry(cursor.value);
        if (read.ok) entries.push(read.entry);
        else damaged.push({ id: String(cursor.key), reason: read.reason });
        cursor = await cursor.continue();
      }
      await tx.done;
      entries.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
      return { entries, damaged };
    },
    async entry(id) {
      const raw = await (await db()).get('entries', id);
      if (raw === undefined) return null;
      const read = readEntry(raw);
      return read.ok ? read.entry : null;
    },
    async load(id) {
      const raw = await (await db()).get('banks', id);
      if (raw === undefined)
        return {
          ok: false,
          problems: [{ where: '', message: 'this bank is not stored in this browser any more' }],
        };
      if (raw.v !== FORMAT)
        return {
          ok: false,
          problems: [{ where: '', message: `the stored bank is in an unknown format (${raw.v})` }],
        };
      return validateBank(raw.data);
    },
    async save(entry, bank) {
      const tx = (await db()).transaction(['entries', 'banks'], 'readwrite');
      await Promise.all([
        tx.objectStore('entries').put({ v: FORMAT, data: entry }, entry.id),
        tx.objectStore('banks').put({ v: FORMAT, data: bank }, entry.id),
        tx.done,
      ]);
    },
    async remove(id) {
      const tx = (await db()).transaction(['entries', 'banks'], 'readwrite');
      await Promise.all([
        tx.objectStore('entries').delete(id),
        tx.objectStore('banks').delete(id),
        tx.done,
      ]);
    },
  };
}

function readEntry(raw: Envelope): { ok: true; entry: BankEntry } | { ok: false; reason: string } {
  if (raw?.v !== FORMAT) return { ok: false, reason: 'stored in an unknown format' };
  const parsed = bankEntrySchema.safeParse(raw.data);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    reason: `${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'}`,
  };
}
