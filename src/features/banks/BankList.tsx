import { useLayoutEffect, useRef } from 'react';
import { RichText } from '../../components/RichText';
import type { BankEntry } from '../../domain/bank-entry';
import { BUILTIN_BANK_ID } from '../../domain/bank-ids';
import { BankCounts } from './BankCounts';
import { RemoveBank, type RemoveChoice } from './RemoveBank';

/** A bank as the list shows it: the built-in one has no entry of its own, so it is built here. */
export type ListedBank = Pick<
  BankEntry,
  'id' | 'title' | 'description' | 'questions' | 'byType'
> & {
  entry: BankEntry | null;
};

interface Props {
  banks: readonly ListedBank[];
  activeId: string;
  onChoose: (bank: ListedBank) => void;
  onExport: (bank: ListedBank, kind: 'json' | 'anki') => void;
  removing: string | null;
  onRemoveStart: (bank: ListedBank) => void;
  onRemoveCancel: () => void;
  onRemove: (bank: ListedBank, choice: RemoveChoice) => void;
  progressIn: (id: string) => Promise<{ quizResults: number; reviewLogs: number }>;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Every bank, with the one Quiz and Flashcards use chosen by a radio button. */
export function BankList(props: Props) {
  const { banks, activeId, onChoose } = props;
  return (
    <fieldset className="bank-list">
      <legend>Bank for Quiz and Flashcards</legend>
      <ul>
        {banks.map((bank) => {
          const active = bank.id === activeId;
          return (
            <li key={bank.id} className={`bank-card${active ? ' active' : ''}`}>
              <div className="bank-card-head">
                <label className="choice bank-choice">
                  <input
                    type="radio"
                    name="active-bank"
                    checked={active}
                    onChange={() => onChoose(bank)}
                  />
                  <span className="bank-title">{bank.title}</span>
                </label>
                {active && <span className="badge">Active</span>}
              </div>
              <BankCounts bank={bank} />
              <p className="hint">{origin(bank)}</p>
              {bank.description && (
                <RichText source={bank.description} className="bank-description" />
              )}
              <BankActions {...props} bank={bank} />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function BankActions({
  bank,
  onExport,
  removing,
  onRemoveStart,
  onRemoveCancel,
  onRemove,
  progressIn,
}: Props & { bank: ListedBank }) {
  const of = <span className="visually-hidden"> of “{bank.title}”</span>;
  const open = removing === bank.id;
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus comes back to "Remove…" when the question closes without removing.
  useLayoutEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <div className="actions bank-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={() => onExport(bank, 'json')}
        >
          Download JSON{of}
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={() => onExport(bank, 'anki')}
        >
          Download for Anki{of}
        </button>
        {bank.id !== BUILTIN_BANK_ID && (
          <button
            ref={trigger}
            type="button"
            className="button secondary small"
            aria-expanded={open}
            onClick={() => (open ? onRemoveCancel() : onRemoveStart(bank))}
          >
            Remove…<span className="visually-hidden"> “{bank.title}”</span>
          </button>
        )}
      </div>
      {open && (
        <RemoveBank
          title={bank.title}
          progress={() => progressIn(bank.id)}
          onCancel={onRemoveCancel}
          onRemove={(choice) => onRemove(bank, choice)}
        />
      )}
    </>
  );
}

function origin(bank: ListedBank): string {
  const { entry } = bank;
  if (!entry) return 'Built in: checked against the Kubernetes documentation.';
  const from =
    entry.origin.kind === 'file'
      ? `from ${entry.origin.name}`
      : entry.origin.kind === 'url'
        ? `from ${entry.origin.url}`
        : 'from pasted text';
  const when =
    entry.updatedAt > entry.addedAt
      ? `Added ${dateFormat.format(entry.addedAt)}, updated ${dateFormat.format(entry.updatedAt)}`
      : `Added ${dateFormat.format(entry.addedAt)}`;
  return `${when} ${from} (${entry.format.toUpperCase()}).`;
}
