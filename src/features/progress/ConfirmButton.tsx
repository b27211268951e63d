import { useState, type ReactNode } from 'react';

interface Props {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  className?: string;
}

/** A button that asks once more, inline, before doing something hard to undo. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  className = 'button secondary',
}: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span>{question}</span>
      <button
        type="button"
        className="button small"
        ref={(el) => el?.focus()}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button secondary small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
