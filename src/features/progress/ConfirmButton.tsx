import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

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
  const confirm = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Focus follows the question: to "Yes" when it appears, back to the button when it goes
  // (once each, not on every re-render).
  useLayoutEffect(() => {
    if (asking) confirm.current?.focus();
    else if (asked.current) trigger.current?.focus();
    asked.current = asking;
  }, [asking]);
  if (!asking)
    return (
      <button ref={trigger} type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span>{question}</span>
      <button
        type="button"
        className="button small"
        ref={confirm}
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
