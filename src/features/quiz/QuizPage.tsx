import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Bank } from '../../domain/bank-schema';
import { resultFromFinished } from '../../domain/progress-schema';
import type { ProgressStore } from '../../domain/progress-store';
import { quizParams, type QuizSettings } from '../../domain/quiz-settings';
import { PageHeading } from '../../components/PageHeading';
import { QuizPlayer } from './QuizPlayer';
import { QuizResults } from './QuizResults';
import { QuizSetup } from './QuizSetup';
import { UnfinishedQuizChoice } from './UnfinishedQuizChoice';
import { useQuizSession } from './useQuizSession';

/**
 * The setup screen's opening line. The page shows it while the bank loads too, in the same place
 * and size, so the first screen the learner sees is already the largest text it will have.
 */
export const QUIZ_INTRO =
  'Pick how many questions and which kinds, then read each scenario and choose the Service type that fits.';

export interface QuizPageProps {
  bank: Bank;
  bankId: string;
  store: ProgressStore;
  now: () => number;
  newSeed: () => string;
  newId: () => string;
}

export function QuizPage(props: QuizPageProps) {
  const { bank, now } = props;
  const [params, setParams] = useSearchParams();
  const { state, dispatch } = useQuizSession({ ...props, query: params.toString() });
  const questions = useMemo(() => new Map(bank.questions.map((q) => [q.id, q])), [bank]);

  // The session says which address names what is shown (a started quiz, a result).
  const { address } = state;
  useEffect(() => {
    if (address !== null) setParams(new URLSearchParams(address), { replace: true });
  }, [address, setParams]);

  const { quiz, alerts, notice, saveError } = state;
  const result = quiz.status === 'finished' ? resultFromFinished(quiz) : state.pastResult;
  const linkFor = (settings: QuizSettings, seed: string) =>
    `${window.location.origin}/quiz?${quizParams(settings, seed).toString()}`;
  const newQuiz = () => void dispatch({ type: 'new-quiz' });

  return (
    <div className="page quiz-page">
      {!result && <PageHeading>Quiz</PageHeading>}
      {alerts.length > 0 && (
        <div role="alert" className="alert alert-error">
          {alerts.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      )}
      <div aria-live="polite">
        {notice && (
          <div className="alert alert-warn">
            <p>{notice}</p>
          </div>
        )}
      </div>
      {saveError && (
        <div role="alert" className="alert alert-warn">
          <p>{saveError}</p>
          <p className="actions">
            <button
              type="button"
              className="button secondary small"
              disabled={state.saving}
              onClick={() => void dispatch({ type: 'retry-save' })}
            >
              Try saving again
            </button>
          </p>
        </div>
      )}
      {!state.arrived ? (
        <p className="loading">Loading…</p>
      ) : quiz.status === 'asking' || quiz.status === 'answered' ? (
        <QuizPlayer
          saving={state.saving}
          unsaved={saveError !== null}
          state={quiz}
          questions={questions}
          now={now}
          dispatch={(e) => void dispatch(e)}
          onQuit={newQuiz}
        />
      ) : state.unfinished ? (
        <UnfinishedQuizChoice
          unfinished={state.unfinished}
          onResume={() => void dispatch({ type: 'resume-unfinished' })}
          onStartNew={() => void dispatch({ type: 'start-new-instead' })}
        />
      ) : result ? (
        <QuizResults
          result={result}
          questions={questions}
          link={result.kind === 'new' ? linkFor(result.settings, result.seed) : null}
          onRetryMistakes={() => void dispatch({ type: 'retry-mistakes' })}
          onNewQuiz={newQuiz}
        />
      ) : (
        <>
          <p className="lead">{QUIZ_INTRO}</p>
          <p>
            {bank.questions.length} questions in “{bank.title}”.
          </p>
          <QuizSetup
            bank={bank}
            initial={state.link.settings}
            seed={state.setupSeed}
            linkFor={linkFor}
            onStart={(settings) => void dispatch({ type: 'start-quiz', settings })}
          />
        </>
      )}
    </div>
  );
}
