import { useEffect, useRef, type ReactNode } from 'react';

let clientNavigations = 0;

/** Called by the layout when the path changes inside the app (not on the first page load). */
export function noteClientNavigation() {
  clientNavigations += 1;
}

interface Props {
  /** Document title; defaults to the heading text when that is a string. */
  title?: string;
  /** Take focus when shown even without a navigation (a new screen within one page). */
  focusOnMount?: boolean;
  children: ReactNode;
}

/**
 * A page's h1 and document title. After an in-app navigation it takes focus, so screen readers
 * announce the new page and keyboard users start from its top.
 */
export function PageHeading({ title, focusOnMount = false, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount || clientNavigations > 0) ref.current?.focus();
  }, [focusOnMount]);
  const docTitle = title ?? (typeof children === 'string' ? children : undefined);
  return (
    <>
      <title>{docTitle ? `${docTitle} · Kube Service Trainer` : 'Kube Service Trainer'}</title>
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}
