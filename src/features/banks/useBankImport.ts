import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportInput,
  ImportOutcome,
  ImportProgress,
  ImportRequest,
} from '../../lib/bank-import';
import type { BankImporter } from '../../lib/bank-importer';

/** What the import area shows: nothing yet, a load under way, or how the last one ended. */
export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; label: string; progress: ImportProgress | null }
  | { status: 'ended'; label: string; outcome: ImportOutcome; input: ImportInput };

export interface StartOptions {
  replace?: boolean;
  /** Read and check only: the outcome is `checked`, and nothing is stored until `confirm`. */
  checkOnly?: boolean;
}

export interface ImportContext {
  builtinTitle: string;
  baseUrl: string;
  now: () => number;
}

/**
 * Runs one import at a time through the importer (a Web Worker in the app) and keeps what the page
 * shows of it. `onStored` runs when a bank was stored, so the list is read again.
 */
export function useBankImport(
  importer: BankImporter,
  context: ImportContext,
  onStored: (outcome: Extract<ImportOutcome, { status: 'saved' }>) => void,
) {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const latest = useRef({ context, onStored });
  useEffect(() => {
    latest.current = { context, onStored };
  });
  // Leaving the page stops a load under way; nothing half-checked is ever stored.
  useEffect(() => () => importer.cancel(), [importer]);

  const start = useCallback(
    async (input: ImportInput, label: string, options: StartOptions = {}) => {
      const { context: c } = latest.current;
      setState({ status: 'running', label, progress: null });
      const request: ImportRequest = {
        input,
        replace: options.replace ?? false,
        checkOnly: options.checkOnly ?? false,
        builtinTitle: c.builtinTitle,
        baseUrl: c.baseUrl,
        now: c.now(),
      };
      const outcome = await importer.run(request, (progress) =>
        setState((s) => (s.status === 'running' && s.label === label ? { ...s, progress } : s)),
      );
      setState({ status: 'ended', label, outcome, input });
      if (outcome.status === 'saved') latest.current.onStored(outcome);
    },
    [importer],
  );

  return {
    state,
    start,
    /** Stores the bank that was held back because one of its title is stored already. */
    replace: () => {
      if (state.status === 'ended' && state.outcome.status === 'exists')
        void start(state.input, state.label, { replace: true });
    },
    /**
     * Stores the bank the learner was shown and said yes to: the very text that was checked (it is
     * checked again), not a second download that could differ. It replaces a bank of the same
     * title, as the learner was told.
     */
    confirm: () => {
      if (state.status !== 'ended' || state.outcome.status !== 'checked') return;
      const { source, existing } = state.outcome;
      void start({ kind: 'read', source }, state.label, { replace: existing !== null });
    },
    cancel: () => importer.cancel(),
    dismiss: () => setState({ status: 'idle' }),
  };
}
