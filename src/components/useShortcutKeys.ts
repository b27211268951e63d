import { useEffect, useLayoutEffect, useRef } from 'react';

interface Handlers {
  onNumber?: (n: 1 | 2 | 3 | 4) => void;
  onEnter?: () => void;
  onLetter?: (letter: string) => void;
  onSpace?: () => void;
}

/** Whether a key press belongs to the focused control rather than to the page's shortcuts. */
export function isTypingTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // Enter and Space already activate a focused button or link; acting twice would skip a step.
  // A disabled button (an answer just given) does nothing with them, so the page may use them.
  const activates =
    (tag === 'BUTTON' && !(target as HTMLButtonElement).disabled) ||
    tag === 'A' ||
    tag === 'SUMMARY';
  return (key === 'Enter' || key === ' ') && activates;
}

/** Page-wide keyboard shortcuts: 1–4, Enter, Space and single letters. */
export function useShortcutKeys(handlers: Handlers) {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target, event.key)) return;
      const h = latest.current;
      if (/^[1-4]$/.test(event.key) && h.onNumber) {
        event.preventDefault();
        h.onNumber(Number(event.key) as 1 | 2 | 3 | 4);
      } else if (event.key === 'Enter' && h.onEnter) {
        event.preventDefault();
        h.onEnter();
      } else if (event.key === ' ' && h.onSpace) {
        event.preventDefault();
        h.onSpace();
      } else if (/^[a-z]$/i.test(event.key) && h.onLetter) {
        h.onLetter(event.key.toLowerCase());
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
