import { useState } from 'react';

/** Copies a link to the clipboard; where the browser refuses, shows the link to copy by hand. */
export function CopyLinkButton({
  url,
  label = 'Copy link to this quiz',
}: {
  url: string;
  label?: string;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <span className="copy-link">
      <button type="button" className="button secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' && 'Link copied.'}
      </span>
      {status === 'failed' && (
        <label className="copy-fallback">
          Copying is blocked here; copy this link:
          <input type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </span>
  );
}
