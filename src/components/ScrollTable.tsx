import type { ReactNode } from 'react';

interface Props {
  /** The table's name (its caption). */
  caption: string;
  /** Keep the caption for screen readers only, when a heading already says it. */
  hideCaption?: boolean;
  className?: string;
  children: ReactNode;
}

/** A table that scrolls sideways on a narrow screen, reachable and scrollable from the keyboard. */
export function ScrollTable({ caption, hideCaption = false, className, children }: Props) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${caption}, scrollable`}>
      <table className={className}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
