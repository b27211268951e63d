import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Bank } from '../../domain/bank-schema';
import { banksWithProgress, ofBank } from '../../domain/bank-progress';
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
import { BankPicker } from './BankPicker';
import { HistorySection } from './HistorySection';
import { MasterySection } from './MasterySection';
import { SetAsideNotice } from './SetAsideNotice';
import { useProgressData } from './useProgressData';

export interface ProgressPageProps {
  /** The active bank: its progress shows first, with its flashcard statistics. */
  bank: Bank;
  bankId: string;
  /** Titles of the banks the learner has loaded, by id, to name banks in the picker. */
  bankTitles?: ReadonlyMap<string, string>;
  store: ProgressStore;
  now: () => number;
  requestPersistence: () => Promise<PersistenceState>;
  calendar: Calendar;
}

export function ProgressPage({
  bank,
  bankId,
  bankTitles,
  store,
  now,
  requestPersistence,
  calendar,
}: ProgressPageProps) {
  const { state, reload } = useProgressData(store);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [shownId, setShownId] = useState(bankId);
  useEffect(() => {
    void requestPersistence().then(setPersistence);
  }, [requestPersistence]);

  const all = state.status === 'ready' ? state.view.data : null;
  // Progress is kept per bank: one bank at a time, the active one first.
  const shown = useMemo(
    () =>
      all && {
        ...all,
        quizResults: ofBank(all.quizResults, shownId),
        reviewLogs: ofBank(all.reviewLogs, shownId),
      },
    [all, shownId],
  );
  const active = shownId === bankId;
  const results = shown?.quizResults ?? null;
  const mastery = useMemo(() => (results ? masteryFrom(results) : null), [results]);
  // Concept tags come from the bank's questions: only the active bank's are at hand.
  const weak = useMemo(
    () => (results ? findWeakSpots(active ? bank : { ...bank, questions: [] }, results) : null),
    [active, bank, results],
  );
  const data = active ? shown : null;
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
  const banks = useMemo(() => {
    const withProgress = all ? banksWithProgress(all) : [];
    const titleOf = (id: string, recorded: string | null) =>
      (id === bankId ? bank.title : bankTitles?.get(id)) ?? recorded ?? id;
    const list = withProgress.map((b) => ({ id: b.id, title: titleOf(b.id, b.title) }));
    if (!list.some((b) => b.id === bankId)) list.unshift({ id: bankId, title: bank.title });
    else list.sort((a, b) => Number(b.id === bankId) - Number(a.id === bankId));
    return list;
  }, [all, bank.title, bankId, bankTitles]);

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
  const { data: everything } = state.view;
  const progress = shown ?? everything;
  const shownTitle = banks.find((b) => b.id === shownId)?.title ?? shownId;
  return (
    <section className="page progress-page">
      <PageHeading>Progress</PageHeading>
      <SetAsideNotice
        records={setAside}
        onDiscard={() => void store.clearSetAside().then(reload)}
      />
      {banks.length > 1 && (
        <BankPicker banks={banks} activeId={bankId} shownId={shownId} onShow={setShownId} />
      )}
      {isEmptyProgress(everything) ? (
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
      ) : isEmptyProgress(progress) ? (
        <div className="empty-state">
          <p className="lead">No progress in “{shownTitle}” yet.</p>
          {active && (
            <p className="actions">
              <Link className="button" to="/quiz?count=10&start=1">
                Take a 10-question quiz
              </Link>
            </p>
          )}
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
              canPractice={active}
            />
            {progress.quizResults.length > 0 && (
              <HistorySection
                results={progress.quizResults}
                mastery={mastery}
                reviewable={active}
              />
            )}
            {cardStats ? (
              <FlashcardStats stats={cardStats} />
            ) : (
              <p className="hint">
                Flashcard statistics and weak-spot practice are for the active bank. Make “
                {shownTitle}” active on <Link to="/banks">Question banks</Link> to see them.
              </p>
            )}
          </>
        )
      )}
      <BackupSection
        store={store}
        data={everything}
        backups={backups}
        persistence={persistence}
        now={now}
        calendar={calendar}
        onChanged={reload}
      />
    </section>
  );
}
