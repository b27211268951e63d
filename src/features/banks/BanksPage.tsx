import { useCallback, useEffect, useRef, useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { BUILTIN_BANK_ID } from '../../domain/bank-ids';
import type { BankEntry } from '../../domain/bank-entry';
import type { DamagedBank } from '../../lib/bank-library';
import type { BankImporter } from '../../lib/bank-importer';
import { AddBankSection } from './AddBankSection';
import { BankList, type ListedBank } from './BankList';
import { DamagedBanks } from './DamagedBanks';
import { FormatHelp } from './FormatHelp';
import { ImportStatus } from './ImportStatus';
import type { RemoveChoice } from './RemoveBank';
import { useBankImport, type ImportContext } from './useBankImport';
import './banks.css';

export type BuiltinBank = Omit<ListedBank, 'id' | 'entry'>;

export interface BanksPageProps {
  /** The built-in bank, or why it cannot be read; null while it loads. */
  builtin: BuiltinBank | { problem: string } | null;
  library: {
    list(): Promise<{ entries: BankEntry[]; damaged: DamagedBank[] }>;
    remove(id: string): Promise<void>;
  };
  importer: BankImporter;
  context: ImportContext;
  activeId: string;
  /** Remembers the learner's choice of bank for Quiz and Flashcards. */
  onActiveChange: (id: string) => void;
  /** An address from `/banks?url=…`: loaded and checked on arrival, added once the learner agrees. */
  initialUrl: string | null;
  onUrlTaken: () => void;
  exportBank: (id: string, kind: 'json' | 'anki') => Promise<void>;
  downloadText: (filename: string, text: string, type: string) => void;
  progressIn: (id: string) => Promise<{ quizResults: number; reviewLogs: number }>;
  removeProgress: (id: string) => Promise<void>;
  schemaUrl: string;
}

type Listing = { entries: BankEntry[]; damaged: DamagedBank[] } | { error: string } | null;

/** `/banks`: the learner's banks, which one is active, and loading another. */
export function BanksPage(props: BanksPageProps) {
  const { builtin, library, importer, context, initialUrl, onUrlTaken } = props;
  const [listing, setListing] = useState<Listing>(null);
  const [chosenId, setActiveId] = useState(props.activeId);
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [url, setUrl] = useState(initialUrl ?? '');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const say = (text: string) => setMessage((m) => ({ text, n: m.n + 1 }));

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    library.list().then(
      (found) => live && setListing(found),
      (error: unknown) =>
        live && setListing({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [library, version]);

  const { state, start, replace, confirm, cancel, dismiss } = useBankImport(
    importer,
    context,
    reload,
  );

  // A `?url=` link is loaded and checked at once, but anyone can send one: the bank is only shown,
  // and stored when the learner adds it. The address then drops the parameter, so a reload does
  // not load it again.
  useEffect(() => {
    if (!initialUrl) return;
    onUrlTaken();
    void start({ kind: 'url', url: initialUrl }, initialUrl, { checkOnly: true });
  }, [initialUrl, onUrlTaken, start]);

  function decline() {
    const title =
      state.status === 'ended' && 'incoming' in state.outcome && state.outcome.incoming.title;
    dismiss();
    say(`Nothing was added${title ? `: “${title}” was left out` : ''}.`);
    listHeading.current?.focus();
  }

  const entries = listing && 'entries' in listing ? listing.entries : [];
  const banks: ListedBank[] = [
    ...(builtin && !('problem' in builtin)
      ? [{ ...builtin, id: BUILTIN_BANK_ID, entry: null }]
      : []),
    ...entries.map((entry) => ({ ...entry, entry })),
  ];

  // The active bank was removed elsewhere (another tab): the built-in bank takes over.
  const listed = listing !== null && 'entries' in listing;
  const missing = listed && chosenId !== BUILTIN_BANK_ID && !entries.some((e) => e.id === chosenId);
  const activeId = missing ? BUILTIN_BANK_ID : chosenId;
  const { onActiveChange } = props;
  useEffect(() => {
    if (missing) onActiveChange(BUILTIN_BANK_ID);
  }, [missing, onActiveChange]);

  function choose(bank: { id: string; title: string }) {
    setActiveId(bank.id);
    props.onActiveChange(bank.id);
    say(`“${bank.title}” is now the active bank: Quiz and Flashcards use it.`);
  }

  async function remove(bank: ListedBank, choice: RemoveChoice) {
    setRemoving(null);
    try {
      if (choice.progress) await props.removeProgress(bank.id);
      await library.remove(bank.id);
    } catch (error) {
      setProblem(
        `“${bank.title}” could not be removed (${error instanceof Error ? error.message : String(error)}).`,
      );
      return;
    }
    reload();
    const wasActive = bank.id === activeId;
    if (wasActive) {
      setActiveId(BUILTIN_BANK_ID);
      props.onActiveChange(BUILTIN_BANK_ID);
    }
    say(
      `Removed “${bank.title}”${choice.progress ? ' and your progress in it (a backup was taken first)' : '; your progress in it is kept'}.${wasActive ? ' Quiz and Flashcards use the built-in bank again.' : ''}`,
    );
    listHeading.current?.focus();
  }

  async function exportBank(bank: { id: string; title: string }, kind: 'json' | 'anki') {
    setProblem(null);
    try {
      await props.exportBank(bank.id, kind);
      say(`Saved “${bank.title}” ${kind === 'json' ? 'as JSON' : 'for Anki'}.`);
    } catch (error) {
      setProblem(
        `“${bank.title}” could not be exported (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  return (
    <section className="page banks-page">
      <PageHeading>Question banks</PageHeading>
      <p className="lead">
        Quiz and Flashcards use the active bank. Load your own scenarios — your cloud, your ingress,
        last month’s incident — and your progress is kept separately for each bank.
      </p>

      <section aria-labelledby="banks-list-heading">
        <h2 id="banks-list-heading" ref={listHeading} tabIndex={-1}>
          Your banks
        </h2>
        <div role="status" className="banks-message">
          {message.text && <p key={message.n}>{message.text}</p>}
        </div>
        {problem && (
          <div role="alert" className="alert alert-error">
            <p>{problem}</p>
          </div>
        )}
        {builtin && 'problem' in builtin && (
          <div role="alert" className="alert alert-error">
            <p>{builtin.problem}</p>
          </div>
        )}
        {listing && 'error' in listing && (
          <div role="alert" className="alert alert-error">
            <p>
              Your banks could not be read from this browser’s storage ({listing.error}). This
              happens in some private-browsing modes. The built-in bank still works.
            </p>
          </div>
        )}
        {listing && 'damaged' in listing && listing.damaged.length > 0 && (
          <DamagedBanks
            damaged={listing.damaged}
            onRemove={(id) => void library.remove(id).then(reload)}
          />
        )}
        {builtin === null || listing === null ? (
          <p className="loading">Loading your banks…</p>
        ) : (
          <BankList
            banks={banks}
            activeId={activeId}
            onChoose={choose}
            onExport={(bank, kind) => void exportBank(bank, kind)}
            removing={removing}
            onRemoveStart={(bank) => setRemoving(bank.id)}
            onRemoveCancel={() => setRemoving(null)}
            onRemove={(bank, choice) => void remove(bank, choice)}
            progressIn={props.progressIn}
          />
        )}
      </section>

      <AddBankSection
        busy={state.status === 'running'}
        url={url}
        onUrlChange={setUrl}
        onLoad={(input, label) => void start(input, label)}
      />
      <ImportStatus
        state={state}
        activeId={activeId}
        onCancel={cancel}
        onReplace={replace}
        onKeep={dismiss}
        onConfirm={() => {
          confirm();
          listHeading.current?.focus();
        }}
        onDecline={decline}
        onMakeActive={choose}
        onDownloadJson={(entry) => void exportBank(entry, 'json')}
        onDownloadProblems={(text) => props.downloadText('bank-problems.txt', text, 'text/plain')}
      />

      <FormatHelp schemaUrl={props.schemaUrl} />
    </section>
  );
}
