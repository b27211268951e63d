import { useId, useState, type ChangeEvent } from 'react';
import { importMerging, importReplacing, resetProgress, restoreBackup } from '../../domain/backups';
import {
  buildExport,
  describeProgress,
  parseExport,
  type ProgressData,
  type ProgressExport,
} from '../../domain/progress-export';
import type { Calendar } from '../../domain/calendar';
import type { ProgressStore } from '../../domain/progress-store';
import { dayKey, type Backup } from '../../domain/backup-records';
import { downloadJson } from '../../lib/download';
import type { PersistenceState } from '../../lib/persistence';
import { Choice } from '../../components/Choice';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  store: ProgressStore;
  data: ProgressData;
  backups: Backup[];
  persistence: PersistenceState | null;
  now: () => number;
  calendar: Calendar;
  onChanged: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const REASON: Record<Backup['reason'], string> = {
  daily: 'Daily backup',
  'before-import': 'Before an import',
  'before-reset': 'Before a reset',
  'before-restore': 'Before a restore',
};

export function BackupSection({
  store,
  data,
  backups,
  persistence,
  now,
  calendar,
  onChanged,
}: Props) {
  const inputId = useId();
  /** A file chosen for import, read and checked, waiting for the learner to say how. */
  const [chosen, setChosen] = useState<{ name: string; file: ProgressExport } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      setMessage(done);
      onChanged();
    } catch (error) {
      setProblems([
        `That did not work: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
      ]);
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setMessage('');
    if (!file) return;
    const parsed = parseExport(await file.text());
    if (parsed.ok) {
      setProblems([]);
      setChosen({ name: file.name, file: parsed.data });
    } else {
      setChosen(null);
      setProblems([
        `${file.name} cannot be imported; nothing was changed.`,
        ...parsed.problems.slice(0, 15),
      ]);
    }
  }

  function runImport() {
    if (!chosen) return;
    const { file } = chosen;
    setChosen(null);
    void act(
      () =>
        mode === 'merge'
          ? importMerging(store, file, now(), calendar)
          : importReplacing(store, file, now(), calendar),
      mode === 'merge'
        ? `Imported ${chosen.name}: merged with your progress. A backup was taken first.`
        : `Imported ${chosen.name}: it replaced your progress. A backup was taken first.`,
    );
  }

  function exportProgress() {
    const t = now();
    // Named by the learner's own calendar day, not the UTC one.
    downloadJson(`kube-service-trainer-progress-${dayKey(t, calendar)}.json`, buildExport(data, t));
  }

  return (
    <section aria-labelledby="backups">
      <h2 id="backups">Backups</h2>
      <p>
        Your progress lives in this browser only.{' '}
        {persistence === 'persisted' &&
          'The browser has agreed to keep it even when space runs low.'}
        {persistence === 'refused' &&
          'The browser has not promised to keep it when space runs low: install the app or bookmark it, and export a backup now and then.'}
        {persistence === 'unsupported' &&
          'This browser cannot promise to keep it: export a backup now and then.'}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={exportProgress}>
          Export progress
        </button>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden file-input"
          onChange={(e) => void choose(e)}
        />
        <label htmlFor={inputId} className="button secondary">
          Import progress
        </label>
      </div>

      {problems.length > 0 && (
        <div role="alert" className="alert alert-error">
          {problems.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}

      {chosen && (
        <div className="import-choice">
          <p>
            <strong>{chosen.name}</strong> holds {describeProgress(chosen.file)}
            {chosen.file.bankIds.length > 0 && ` for ${chosen.file.bankIds.join(', ')}`}.
          </p>
          <fieldset>
            <legend>How to import it</legend>
            <Choice
              type="radio"
              name="import-mode"
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            >
              Merge with my progress (keeps everything from both)
            </Choice>
            <Choice
              type="radio"
              name="import-mode"
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            >
              Replace my progress with this file
            </Choice>
          </fieldset>
          <div className="actions">
            {mode === 'merge' ? (
              <button type="button" className="button" onClick={runImport}>
                Import
              </button>
            ) : (
              <ConfirmButton
                label="Import"
                className="button"
                question={`Replace your ${describeProgress(data)} with this file? A backup is taken first.`}
                confirmLabel="Yes, replace"
                onConfirm={runImport}
              />
            )}
            <button type="button" className="button secondary" onClick={() => setChosen(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      <p role="status" className="backup-status">
        {message}
      </p>

      <h3>Automatic backups</h3>
      {backups.length === 0 ? (
        <p className="hint">
          A backup is taken automatically once a day while you have progress; the last 7 are kept.
        </p>
      ) : (
        <ul className="backup-list">
          {backups.map((s) => (
            <li key={s.takenAt}>
              <span>
                {REASON[s.reason]} · {dateFormat.format(s.takenAt)} · {describeProgress(s.data)}
              </span>
              <ConfirmButton
                label="Restore"
                className="button secondary small"
                question="Replace your current progress with this backup? Your current progress is backed up first."
                confirmLabel="Yes, restore"
                onConfirm={() =>
                  void act(() => restoreBackup(store, s, now(), calendar), 'Backup restored.')
                }
              />
            </li>
          ))}
        </ul>
      )}

      <h3>Start over</h3>
      <ConfirmButton
        label="Reset progress"
        question="Delete all quiz history and flashcard reviews? A backup is taken first, so you can restore it above."
        confirmLabel="Yes, reset"
        onConfirm={() =>
          void act(
            () => resetProgress(store, now(), calendar),
            'Progress reset. The backup taken just before is listed above.',
          )
        }
      />
    </section>
  );
}
