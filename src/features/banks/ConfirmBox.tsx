import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  yes: string;
  onYes: () => void;
  no: string;
  onNo: () => void;
  className?: string;
}

/** A question the learner answers before anything is stored, with a yes and a no. */
export function ConfirmBox({ children, yes, onYes, no, onNo, className = '' }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The question is the next thing to answer: keyboard and screen-reader users land on it, in the
  // same commit that shows it (an effect would run later, after a paint without the focus).
  useLayoutEffect(() => box.current?.focus(), []);
  return (
    <div className={`alert alert-warn ${className}`.trim()} ref={box} tabIndex={-1}>
      {children}
      <p className="actions">
        <button type="button" className="button small" onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button secondary small" onClick={onNo}>
          {no}
        </button>
      </p>
    </div>
  );
}
