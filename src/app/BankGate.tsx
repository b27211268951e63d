import { useEffect, useState, type ReactNode } from 'react';
import type { Bank } from '../domain/bank-schema';
import { formatProblem, type BankLoadResult } from '../domain/bank-loader';
import { fetchBank } from '../lib/bank-source';
import { PageHeading } from '../components/PageHeading';

/** Loads the question bank for a page; shows what is wrong, and what to do, when it cannot. */
export function BankGate({
  title,
  intro,
  children,
}: {
  title: string;
  /** The page's opening line, shown while the bank loads as the page itself will show it. */
  intro?: string;
  children: (bank: Bank) => ReactNode;
}) {
  const [result, setResult] = useState<BankLoadResult | null>(null);
  useEffect(() => {
    let live = true;
    void fetchBank().then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, []);

  if (!result)
    return (
      <section className="page">
        <PageHeading>{title}</PageHeading>
        {intro && <p className="lead">{intro}</p>}
        <p className="loading" aria-live="polite">
          Loading questions…
        </p>
      </section>
    );
  if (!result.ok)
    return (
      <section className="page">
        <PageHeading>{title}</PageHeading>
        <div role="alert" className="alert alert-error">
          <p>
            <strong>The question bank cannot be used.</strong> Reload the page to try again. If this
            keeps happening, the bank file is damaged: run <code>npm run check-bank</code> on it and
            fix what it reports.
          </p>
          <ul className="problem-list">
            {result.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{formatProblem(p)}</li>
            ))}
          </ul>
          {result.problems.length > 20 && <p>…and {result.problems.length - 20} more problems.</p>}
        </div>
      </section>
    );
  return children(result.bank);
}
