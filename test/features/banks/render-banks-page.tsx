import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { BanksPage } from '../../../src/features/banks/BanksPage';
import { runImport } from '../../../src/lib/bank-import';
import type { BankImporter } from '../../../src/lib/bank-importer';
import { createBankLibrary, type BankLibrary } from '../../../src/lib/bank-library';

export const fixture = (name: string) => readFileSync(`test/fixtures/banks/${name}`, 'utf8');
let n = 0;
export const newLibrary = () => createBankLibrary(`banks-test-${++n}`);

/**
 * The banks page with a real library (fake IndexedDB: import 'fake-indexeddb/auto' first) and the
 * real import, run in-process; only the network is a function, and the page's other ways out are
 * spies.
 */
export function renderBanksPage({
  initialUrl = null,
  fetch = () => Promise.reject(new TypeError('Failed to fetch')),
  library = newLibrary(),
}: {
  initialUrl?: string | null;
  fetch?: (url: string) => Promise<Response>;
  /** A library the test filled beforehand; an empty one of its own otherwise. */
  library?: BankLibrary;
} = {}) {
  const importer: BankImporter = {
    run: (request, onProgress) => runImport(request, { library, fetch, onProgress }),
    cancel: () => {},
  };
  const props = {
    onActiveChange: vi.fn(),
    onUrlTaken: vi.fn(),
    exportBank: vi.fn(async () => {}),
    removeProgress: vi.fn(async () => {}),
  };
  render(
    <BanksPage
      builtin={{
        title: 'Kubernetes Services',
        questions: 4,
        byType: { ClusterIP: 1, NodePort: 1, LoadBalancer: 1, ExternalName: 1 },
      }}
      library={library}
      importer={importer}
      context={{ builtinTitle: 'Kubernetes Services', baseUrl: 'https://app.test/', now: () => 5 }}
      activeId="builtin"
      initialUrl={initialUrl}
      downloadText={vi.fn()}
      progressIn={async () => ({ quizResults: 2, reviewLogs: 3 })}
      schemaUrl="https://app.test/questions.schema.json"
      {...props}
    />,
  );
  return { library, ...props, user: userEvent.setup() };
}

/** The titles in the page's bank list, in order. */
export const bankNames = () =>
  within(screen.getByRole('group', { name: 'Bank for Quiz and Flashcards' }))
    .getAllByRole('radio')
    .map((radio) => radio.closest('label')?.textContent);
