import { formatProblem } from '../../domain/bank-loader';
import type { BankEntry } from '../../domain/bank-entry';
import type { ImportProgress } from '../../lib/bank-import';
import { questionCount } from './BankCounts';
import { BankPreview } from './BankPreview';
import { ConfirmBox } from './ConfirmBox';
import type { ImportState } from './useBankImport';

/** Problems listed on the page; all of them go into the file "Download every problem" saves. */
const SHOWN = 500;

interface Props {
  state: ImportState;
  activeId: string;
  onCancel: () => void;
  onReplace: () => void;
  onKeep: () => void;
  /** Adds the bank a `?url=` link showed; `onDecline` leaves it out. */
  onConfirm: () => void;
  onDecline: () => void;
  onMakeActive: (entry: BankEntry) => void;
  /** Saves the stored bank as a JSON file (a CSV bank, converted). */
  onDownloadJson: (entry: BankEntry) => void;
  onDownloadProblems: (text: string) => void;
}

/** How a load is going, or how it ended: the problems, a question to answer, or what was added. */
export function ImportStatus(props: Props) {
  const { state } = props;
  return (
    <div className="import-status">
      {/* One live region, present from the start, so every change in it is announced. */}
      <div role="status" className="import-live">
        {state.status === 'running' && <p>{phaseText(state.label, state.progress)}</p>}
        {state.status === 'ended' && <EndedStatus {...props} />}
      </div>
      {state.status === 'running' && (
        <div className="import-progress">
          <ProgressBar progress={state.progress} />
          <button type="button" className="button secondary small" onClick={props.onCancel}>
            Stop loading
          </button>
        </div>
      )}
      {state.status === 'ended' && <EndedAlert {...props} />}
    </div>
  );
}

function phaseText(label: string, progress: ImportProgress | null): string {
  if (!progress || progress.phase === 'reading') return `Reading ${label}…`;
  if (progress.phase === 'checking') return `Checking the questions in ${label}…`;
  return `Saving ${label}…`;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function ProgressBar({ progress }: { progress: ImportProgress | null }) {
  const reading = progress?.phase === 'reading' ? progress : null;
  const known = reading && reading.total ? reading : null;
  return (
    <>
      <progress
        aria-label="Loading the bank"
        {...(known ? { max: known.total ?? 1, value: known.loaded } : {})}
      />
      {reading && (
        <span className="hint">
          {reading.total
            ? `${mb(reading.loaded)} of ${mb(reading.total)} MB`
            : `${mb(reading.loaded)} MB`}
        </span>
      )}
    </>
  );
}

/** The calm endings, spoken by the status region: added, unchanged, stopped, or a question. */
function EndedStatus(props: Props) {
  const { state, activeId, onReplace, onKeep, onMakeActive, onDownloadJson } = props;
  if (state.status !== 'ended') return null;
  const { outcome, label } = state;
  switch (outcome.status) {
    case 'saved': {
      const { entry } = outcome;
      return (
        <div className="alert alert-ok">
          <p>
            {outcome.replaced ? 'Replaced' : 'Added'} “{entry.title}”:{' '}
            {questionCount(entry.questions)} from {label}.
            {outcome.replaced && ' Your progress in it is kept.'}
          </p>
          {entry.format === 'csv' && <p>It was converted from CSV to the app’s JSON format.</p>}
          <p className="actions">
            {entry.id !== activeId && (
              <button type="button" className="button small" onClick={() => onMakeActive(entry)}>
                Use it for Quiz and Flashcards
              </button>
            )}
            {entry.format === 'csv' && (
              <button
                type="button"
                className="button secondary small"
                onClick={() => onDownloadJson(entry)}
              >
                Download it as JSON
              </button>
            )}
          </p>
        </div>
      );
    }
    case 'unchanged':
      return (
        <div className="alert alert-ok">
          <p>
            “{outcome.entry.title}” is already loaded exactly as in {label}: nothing changed.
          </p>
        </div>
      );
    case 'exists':
      return (
        <ConfirmBox yes="Replace it" onYes={onReplace} no="Keep the one I have" onNo={onKeep}>
          <p>
            You already have a bank titled “{outcome.existing.title}” (
            {questionCount(outcome.existing.questions)}). Replace it with the one in {label} (
            {questionCount(outcome.incoming.questions)})? Your progress on questions that keep their
            ids is kept.
          </p>
        </ConfirmBox>
      );
    case 'checked':
      return (
        <BankPreview
          incoming={outcome.incoming}
          existing={outcome.existing}
          onAdd={props.onConfirm}
          onCancel={props.onDecline}
        />
      );
    case 'cancelled':
      return <p>Loading {label} stopped. Nothing was saved.</p>;
    default:
      return null;
  }
}

/** What went wrong, in an alert: every problem with its question and field. */
function EndedAlert({ state, onDownloadProblems }: Props) {
  if (state.status !== 'ended') return null;
  const { outcome, label } = state;
  if (outcome.status === 'failed')
    return (
      <div role="alert" className="alert alert-error">
        <p>
          <strong>{outcome.message}</strong> Nothing was saved.
        </p>
      </div>
    );
  if (outcome.status !== 'problems') return null;
  const { problems } = outcome;
  const lines = problems.map(formatProblem);
  return (
    <div role="alert" className="alert alert-error">
      <p>
        <strong>
          {capitalized(label)} cannot be used:{' '}
          {problems.length === 1 ? '1 problem' : `${problems.length} problems`}.
        </strong>{' '}
        Nothing was saved. Fix {problems.length === 1 ? 'it' : 'them'} and load the bank again.
      </p>
      <ul className="problem-list">
        {lines.slice(0, SHOWN).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {lines.length > SHOWN && (
        <p className="actions">
          <span>…and {lines.length - SHOWN} more.</span>
          <button
            type="button"
            className="button secondary small"
            onClick={() => onDownloadProblems(`${lines.join('\n')}\n`)}
          >
            Download every problem
          </button>
        </p>
      )}
    </div>
  );
}

// A web address keeps its case: “Https://…” is not the address the learner gave.
const capitalized = (text: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
