import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { ImportInput } from '../../lib/bank-import';

interface Props {
  busy: boolean;
  url: string;
  onUrlChange: (url: string) => void;
  onLoad: (input: ImportInput, label: string) => void;
}

/** The three ways in: a file (picked or dropped), an address, or text pasted in. */
export function AddBankSection({ busy, url, onUrlChange, onLoad }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [text, setText] = useState('');

  const loadFile = (file: File | undefined) => {
    if (file) onLoad({ kind: 'file', file }, file.name);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) loadFile(event.dataTransfer.files[0]);
  };
  const submitUrl = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) onLoad({ kind: 'url', url: url.trim() }, url.trim());
  };
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onLoad({ kind: 'text', text }, 'the pasted text');
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="add-bank">
      <h2 id={`${id}-heading`}>Add a bank</h2>
      <p>
        A bank is a JSON file in the format below, or a CSV file from a spreadsheet. It is checked
        first: if anything is wrong, you see every problem and nothing is saved.
      </p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
      >
        <label htmlFor={`${id}-file`} className="drop-label">
          Bank file (JSON or CSV)
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          aria-describedby={`${id}-drop-hint`}
          onChange={(e) => {
            loadFile(e.target.files?.[0]);
            // The same file can be chosen again after it was fixed.
            e.target.value = '';
          }}
        />
        <p id={`${id}-drop-hint`} className="hint">
          {dragging ? 'Drop the file to check it.' : 'Or drag a file here from your computer.'}
        </p>
      </div>

      <form className="field-row" onSubmit={submitUrl}>
        <label htmlFor={`${id}-url`}>Bank address (URL)</label>
        <div className="field-line">
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="https://example.com/bank.json"
            value={url}
            spellCheck={false}
            onChange={(e) => onUrlChange(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || !url.trim()}>
            Load from address
          </button>
        </div>
        <p className="hint">
          The site must allow downloads from other sites (CORS). A link to <code>/banks?url=…</code>{' '}
          opens this page with that bank checked and shown, ready to add.
        </p>
      </form>

      <details className="paste-bank">
        <summary>Paste a bank instead</summary>
        <form onSubmit={submitText}>
          <label htmlFor={`${id}-text`}>Bank text (JSON or CSV)</label>
          <textarea
            id={`${id}-text`}
            rows={8}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="actions">
            <button type="submit" className="button" disabled={busy || !text.trim()}>
              Check and add
            </button>
          </p>
        </form>
      </details>
    </section>
  );
}
