import { useMemo } from 'react';
import { NO_FILTER } from '../../domain/flashcard-queue';
import { summarizeSession } from '../../domain/flashcard-session';
import { previewRatings } from '../../domain/flashcards';
import { PageHeading } from '../../components/PageHeading';
import { useShortcutKeys } from '../../components/useShortcutKeys';
import { DueCount } from './DueCount';
import { FlashcardFilters } from './FlashcardFilters';
import { FlashcardSettingsForm } from './FlashcardSettingsForm';
import { FlashcardView } from './FlashcardView';
import { NothingDue } from './NothingDue';
import { SessionSummaryView } from './SessionSummaryView';
import type { FlashcardDeps } from './flashcard-session-controller';
import { useFlashcards } from './useFlashcards';

export type FlashcardsPageProps = FlashcardDeps;

export function FlashcardsPage(props: FlashcardsPageProps) {
  const { bank, calendar } = props;
  const { state: fc, dispatch } = useFlashcards(props);
  const { ready, session, queue, current } = fc;

  // Keys go to the controller, which checks the latest state itself.
  useShortcutKeys({
    onSpace: () => void dispatch({ type: 'space' }),
    onNumber: (n) => void dispatch({ type: 'number', n }),
    onEnter: () => void dispatch({ type: 'enter' }),
  });

  const cardId = current?.id;
  const preview = useMemo(
    () =>
      ready && cardId && session.status === 'back'
        ? previewRatings(ready.deck.get(cardId), session.shownAt, ready.scheduler)
        : null,
    [ready, cardId, session],
  );

  const summary = useMemo(() => {
    if (!ready || session.reviews.length === 0) return null;
    const today = calendar.dayOf(fc.asOf);
    return summarizeSession(session.reviews, fc.cards, {
      dayAfterTomorrowStart: calendar.startOfDay(today + 2),
      dailyNewLimit: ready.settings.dailyNewLimit,
    });
  }, [ready, session.reviews, fc.cards, fc.asOf, calendar]);

  const filtered = fc.filter !== NO_FILTER && (fc.filter.types !== null || fc.filter.tag !== null);
  const onCard = session.status === 'front' || session.status === 'back';

  return (
    <div className="page flashcards-page">
      <PageHeading>Flashcards</PageHeading>
      {fc.data.status === 'failed' && (
        <div role="alert" className="alert alert-error">
          <p>
            Your saved reviews could not be opened ({fc.data.message}). Reload the page to try
            again; if it keeps happening, your browser may be blocking storage for this site.
          </p>
        </div>
      )}
      {fc.saveError && (
        <div role="alert" className="alert alert-warn">
          <p>{fc.saveError}</p>
        </div>
      )}
      {!ready || !queue ? (
        fc.data.status === 'loading' && <p className="loading">Loading your cards…</p>
      ) : (
        <>
          <div className="flashcard-topbar">
            <DueCount queue={queue} now={fc.asOf} calendar={calendar} ahead={session.ahead} />
            <div className="flashcard-toolbar">
              {session.reviews.length > 0 && session.status !== 'summary' && (
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => void dispatch({ type: 'undo' })}
                >
                  Undo
                </button>
              )}
              {onCard && session.reviews.length > 0 && (
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => void dispatch({ type: 'end' })}
                >
                  End session
                </button>
              )}
            </div>
          </div>

          {onCard && current && (
            <FlashcardView
              question={current}
              session={session}
              mode={ready.settings.mode}
              preview={preview}
              onShow={() => void dispatch({ type: 'show' })}
              onChoose={(choice) => void dispatch({ type: 'choose', choice })}
              onRate={(rating) => void dispatch({ type: 'rate', rating })}
            />
          )}
          {session.status === 'idle' && (
            <NothingDue
              queue={queue}
              dailyNewLimit={ready.settings.dailyNewLimit}
              filtered={filtered}
              onStudyAhead={() => void dispatch({ type: 'study-ahead' })}
              onClearFilters={() => void dispatch({ type: 'filter', filter: NO_FILTER })}
            />
          )}
          {(session.status === 'idle' || session.status === 'summary') && summary && (
            <SessionSummaryView summary={summary} />
          )}
          {session.status === 'summary' && (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => void dispatch({ type: 'resume' })}
              >
                Keep studying
              </button>
            </div>
          )}

          <p className="hint flashcard-keys">
            Keys: Space shows the answer;{' '}
            {ready.settings.mode === 'choose-first' ? '1–4 pick a type, then ' : ''}1–4 rate Again,
            Hard, Good, Easy
            {ready.settings.mode === 'choose-first' ? '; Enter confirms the suggested rating' : ''}.
          </p>

          <div className="study-options">
            <details>
              <summary>Filter cards{filtered ? ' (on)' : ''}</summary>
              <FlashcardFilters
                bank={bank}
                filter={fc.filter}
                onChange={(filter) => void dispatch({ type: 'filter', filter })}
              />
            </details>
            <details>
              <summary>Settings</summary>
              <FlashcardSettingsForm
                settings={ready.settings}
                onSave={(settings) => dispatch({ type: 'save-settings', settings })}
              />
            </details>
          </div>
        </>
      )}
      <div className="visually-hidden" aria-live="polite">
        <span key={fc.announcement.n}>{fc.announcement.text}</span>
      </div>
    </div>
  );
}
