import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { BUILTIN_BANK_ID } from '../domain/bank-ids';
import type { Bank } from '../domain/bank-schema';
import { formatProblem, type BankLoadResult } from '../domain/bank-loader';
import { readActiveBankId, saveActiveBankId } from '../lib/active-bank';
import { fetchBank } from '../lib/bank-source';
import { PageHeading } from '../components/PageHeading';

interface Loaded {
  id: string;
  result: BankLoadResult;
}

/**
 * Loads the active question bank for a page (Quiz, Flashcards, Progress); shows what is wrong,
 * and what to do, when it cannot.
 */
export function BankGate({
  title,
  intro,
  children,
}: {
  title: string;
  /** The page's opening line, shown while the bank loads as the page itself will show it. */
  intro?: string;
  children: (bank: Bank, bankId: string) => ReactNode;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const id = readActiveBankId();
    void fetchBank(id).then((result) => live && setLoaded({ id, result }));
    return () => {
      live = false;
    };
  }, [attempt]);

  if (!loaded)
    return (
      <section className="page">
        <PageHeading>{title}</PageHeading>
        {intro && <p className="lead">{intro}</p>}
        <p className="loading" aria-live="polite">
          Loading questions…
        </p>
      </section>
    );
  const { id, result } = loaded;
  if (!result.ok)
    return (
      <section className="page">
        <PageHeading>{title}</PageHeading>
        <div role="alert" className="alert alert-error">
          {id === BUILTIN_BANK_ID ? (
            <p>
              <strong>The question bank cannot be used.</strong> Reload the page to try again. If
              this keeps happening, the bank file is damaged: run <code>npm run check-bank</code> on
              it and fix what it reports.
            </p>
          ) : (
            <>
              <p>
                <strong>Your active question bank cannot be used.</strong> Load it again on{' '}
                <Link to="/banks">Question banks</Link>, or go back to the built-in bank. Your
                progress in it is kept either way.
              </p>
              <p className="actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => {
                    saveActiveBankId(BUILTIN_BANK_ID);
                    setLoaded(null);
                    setAttempt((n) => n + 1);
                  }}
                >
                  Use the built-in bank
                </button>
              </p>
            </>
          )}
          <ul className="problem-list">
            {result.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
          {result.problems.length > 20 && <p>…and {result.problems.length - 20} more problems.</p>}
        </div>
      </section>
    );
  return children(result.bank, id);
}
