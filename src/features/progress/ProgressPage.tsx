import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Bank } from '../../domain/bank-schema';
import { masteryFrom } from '../../domain/mastery';
import { isEmptyProgress } from '../../domain/progress-export';
import type { ProgressStore } from '../../domain/progress-store';
import { findWeakSpots } from '../../domain/weak-spots';
import type { PersistenceState } from '../../lib/persistence';
import { PageHeading } from '../../components/PageHeading';
import { BackupSection } from './BackupSection';
import { HistorySection } from './HistorySection';
import { MasterySection } from './MasterySection';
import { QuarantineNotice } from './QuarantineNotice';
import { useProgressData } from './useProgressData';

export interface ProgressPageProps {
  bank: Bank;
  store: ProgressStore;
  now: () => number;
  requestPersistence: () => Promise<PersistenceState>;
}

export function ProgressPage({ bank, store, now, requestPersistence }: ProgressPageProps) {
  const { state, reload } = useProgressData(store);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  useEffect(() => {
    void requestPersistence().then(setPersistence);
  }, [requestPersistence]);

  const results = state.status === 'ready' ? state.view.data.quizResults : null;
  const mastery = useMemo(() => (results ? masteryFrom(results) : null), [results]);
  const weak = useMemo(() => (results ? findWeakSpots(bank, results) : null), [bank, results]);

  if (state.status === 'loading')
    return (
      <section className="page">
        <PageHeading>Progress</PageHeading>
        <p className="loading">Loading your progress…</p>
      </section>
    );
  if (state.status === 'error')
    return (
      <section className="page">
        <PageHeading>Progress</PageHeading>
        <div role="alert" className="alert alert-error">
          <p>
            Saved progress could not be opened ({state.message}). This happens in some
            private-browsing modes or when the browser&apos;s storage is full or blocked. Nothing
            has been deleted; try reloading the page.
          </p>
        </div>
      </section>
    );

  const { data, snapshots, quarantine } = state.view;
  const empty = isEmptyProgress(data);
  return (
    <section className="page progress-page">
      <PageHeading>Progress</PageHeading>
      <QuarantineNotice
        records={quarantine}
        onDiscard={() => void store.clearQuarantine().then(reload)}
      />
      {empty ? (
        <div className="empty-state">
          <p className="lead">
            Nothing here yet. Your quiz scores, mastery of each Service type and the pairs you mix
            up will show here.
          </p>
          <p>
            Start with a short quiz to see where you stand, then use flashcards to keep what you
            learn.
          </p>
          <p className="actions">
            <Link className="button" to="/quiz?count=10&start=1">
              Take a 10-question quiz
            </Link>
            <Link className="button secondary" to="/flashcards">
              Review flashcards
            </Link>
          </p>
        </div>
      ) : (
        mastery &&
        weak && (
          <>
            <p className="lead">
              {mastery.answers} quiz answer{mastery.answers === 1 ? '' : 's'} in{' '}
              {data.quizResults.length} quiz
              {data.quizResults.length === 1 ? '' : 'zes'}, {mastery.allTime.percent}% right;{' '}
              {data.reviewLogs.length} flashcard review{data.reviewLogs.length === 1 ? '' : 's'}.
            </p>
            <MasterySection
              mastery={mastery}
              weakest={{ types: weak.weakestTypes, tags: weak.weakestTags }}
            />
            {data.quizResults.length > 0 && (
              <HistorySection results={data.quizResults} mastery={mastery} />
            )}
          </>
        )
      )}
      <BackupSection
        store={store}
        data={data}
        snapshots={snapshots}
        persistence={persistence}
        now={now}
        onChanged={reload}
      />
    </section>
  );
}
