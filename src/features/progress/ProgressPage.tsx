import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Bank } from '../../domain/bank-schema';
import type { Calendar } from '../../domain/calendar';
import { computeFlashcardStats } from '../../domain/flashcard-stats';
import { masteryFrom } from '../../domain/mastery';
import { isEmptyProgress } from '../../domain/progress-export';
import { DEFAULT_FLASHCARD_SETTINGS } from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import { findWeakSpots } from '../../domain/weak-spots';
import type { PersistenceState } from '../../lib/persistence';
import { FlashcardStats } from '../../components/FlashcardStats';
import { PageHeading } from '../../components/PageHeading';
import { BackupSection } from './BackupSection';
import { HistorySection } from './HistorySection';
import { MasterySection } from './MasterySection';
import { SetAsideNotice } from './SetAsideNotice';
import { useProgressData } from './useProgressData';

export interface ProgressPageProps {
  bank: Bank;
  store: ProgressStore;
  now: () => number;
  requestPersistence: () => Promise<PersistenceState>;
  calendar: Calendar;
}

export function ProgressPage({
  bank,
  store,
  now,
  requestPersistence,
  calendar,
}: ProgressPageProps) {
  const { state, reload } = useProgressData(store);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  useEffect(() => {
    void requestPersistence().then(setPersistence);
  }, [requestPersistence]);

  const results = state.status === 'ready' ? state.view.data.quizResults : null;
  const mastery = useMemo(() => (results ? masteryFrom(results) : null), [results]);
  const weak = useMemo(() => (results ? findWeakSpots(bank, results) : null), [bank, results]);
  const data = state.status === 'ready' ? state.view.data : null;
  const cardStats = useMemo(
    () =>
      data &&
      computeFlashcardStats({
        bank,
        reviewLogs: data.reviewLogs,
        quizResults: data.quizResults,
        settings: data.flashcardSettings ?? DEFAULT_FLASHCARD_SETTINGS,
        now: now(),
        calendar,
      }),
    [bank, data, now, calendar],
  );

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

  const { backups, setAside } = state.view;
  const { data: progress } = state.view;
  const empty = isEmptyProgress(progress);
  return (
    <section className="page progress-page">
      <PageHeading>Progress</PageHeading>
      <SetAsideNotice
        records={setAside}
        onDiscard={() => void store.clearSetAside().then(reload)}
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
              {progress.quizResults.length} quiz
              {progress.quizResults.length === 1 ? '' : 'zes'}, {mastery.allTime.percent}% right;{' '}
              {progress.reviewLogs.length} flashcard review
              {progress.reviewLogs.length === 1 ? '' : 's'}.
            </p>
            <MasterySection
              mastery={mastery}
              retention={cardStats?.perType}
              weakest={{ types: weak.weakestTypes, tags: weak.weakestTags }}
            />
            {progress.quizResults.length > 0 && (
              <HistorySection results={progress.quizResults} mastery={mastery} />
            )}
            {cardStats && <FlashcardStats stats={cardStats} />}
          </>
        )
      )}
      <BackupSection
        store={store}
        data={progress}
        backups={backups}
        persistence={persistence}
        now={now}
        calendar={calendar}
        onChanged={reload}
      />
    </section>
  );
}
