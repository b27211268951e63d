import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { ankiText } from '../../domain/anki-export';
import { bankJsonText, fileStem } from '../../domain/bank-export';
import { BUILTIN_BANK_ID } from '../../domain/bank-ids';
import { formatProblem } from '../../domain/bank-loader';
import { ofBank } from '../../domain/bank-progress';
import { summarizeBank } from '../../domain/bank-summary';
import { removeBankProgress } from '../../domain/backups';
import { BanksPage, type BuiltinBank } from '../../features/banks/BanksPage';
import { readActiveBankId, saveActiveBankId } from '../../lib/active-bank';
import { createWorkerImporter } from '../../lib/bank-importer';
import { bankLibrary, BUILTIN_TITLE, fetchBank } from '../../lib/bank-source';
import { localCalendar } from '../../lib/calendar';
import { downloadText } from '../../lib/download';
import { progressStore } from '../../lib/progress';

const schemaPath = '/questions.schema.json';
const schemaUrl = () => `${window.location.origin}${schemaPath}`;
const unchanging = () => () => {};

/**
 * The schema's address, in full once the page runs in a browser. The page is also rendered at
 * build time (scripts/build/prerender.ts), where there is no window: that HTML says the path, and
 * hydration fills in the origin.
 */
function useSchemaUrl(): string {
  return useSyncExternalStore(unchanging, schemaUrl, () => schemaPath);
}

export default function Page() {
  const [params, setParams] = useSearchParams();
  const [builtin, setBuiltin] = useState<BuiltinBank | { problem: string } | null>(null);
  useEffect(() => {
    let live = true;
    void fetchBank(BUILTIN_BANK_ID).then((result) => {
      if (!live) return;
      if (!result.ok)
        setBuiltin({
          problem: `The built-in bank could not be loaded (${result.problems.slice(0, 3).map(formatProblem).join('; ')}). Reload the page to try again.`,
        });
      else {
        const { bank } = result;
        const summary = summarizeBank(bank);
        setBuiltin({
          title: bank.title,
          description: bank.description,
          questions: summary.total,
          byType: summary.byType,
        });
      }
    });
    return () => {
      live = false;
    };
  }, []);
  const importer = useMemo(() => createWorkerImporter(), []);
  const context = useMemo(
    () => ({
      builtinTitle: BUILTIN_TITLE,
      // Read when a bank is loaded, never while rendering (see useSchemaUrl).
      get baseUrl() {
        return window.location.href;
      },
      now: Date.now,
    }),
    [],
  );
  const shownSchemaUrl = useSchemaUrl();
  const takeUrl = useCallback(
    () =>
      setParams(
        (p) => {
          p.delete('url');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  return (
    <BanksPage
      builtin={builtin}
      library={bankLibrary()}
      importer={importer}
      context={context}
      activeId={readActiveBankId()}
      onActiveChange={saveActiveBankId}
      initialUrl={params.get('url')}
      onUrlTaken={takeUrl}
      exportBank={exportBank}
      downloadText={downloadText}
      progressIn={progressIn}
      removeProgress={(id) => removeBankProgress(progressStore(), id, Date.now(), localCalendar)}
      schemaUrl={shownSchemaUrl}
    />
  );
}

async function exportBank(id: string, kind: 'json' | 'anki'): Promise<void> {
  const loaded = await fetchBank(id);
  if (!loaded.ok) throw new Error(loaded.problems.slice(0, 3).map(formatProblem).join('; '));
  const { bank } = loaded;
  const stem = fileStem(bank.title);
  if (kind === 'json')
    downloadText(`${stem}.json`, bankJsonText(bank, schemaUrl()), 'application/json');
  else downloadText(`${stem}-anki.txt`, ankiText(bank), 'text/plain;charset=utf-8');
}

/** How much progress the remove question offers to delete: the bank's results and reviews. */
async function progressIn(id: string) {
  const store = progressStore();
  // Only the two kinds of record that are counted; a whole export would read the settings too.
  const [quizResults, reviewLogs] = await Promise.all([
    store.listQuizResults(),
    store.listReviewLogs(),
  ]);
  return { quizResults: ofBank(quizResults, id).length, reviewLogs: ofBank(reviewLogs, id).length };
}
