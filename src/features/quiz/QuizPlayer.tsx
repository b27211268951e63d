import { Prompt } from '../../components/Prompt';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Question, QuestionId } from '../../domain/bank-schema';
import { timeLeftMs, type Confidence, type QuizState } from '../../domain/quiz-session';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types';
import { AnswerButtons } from '../../components/AnswerButtons';
import { Feedback } from './Feedback';
import type { PlayerEvent } from './quiz-session-controller';
import { QuizTimer } from './QuizTimer';
import { useShortcutKeys } from '../../components/useShortcutKeys';

type Playing = Extract<QuizState, { status: 'asking' | 'answered' }>;

interface Props {
  state: Playing;
  questions: ReadonlyMap<QuestionId, Question>;
  now: () => number;
  dispatch: (event: PlayerEvent) => void;
  onQuit: () => void;
  /** True while a save is in flight (an answer, or the move to the next question). */
  saving: boolean;
  /** The last save failed; the page says why and offers to try again. */
  unsaved: boolean;
}

export function QuizPlayer({ state, questions, now, dispatch, onQuit, saving, unsaved }: Props) {
  const item = state.items[state.index];
  const question = item ? questions.get(item.questionId) : undefined;
  const answered =
    state.status === 'answered' ? state.answers[state.answers.length - 1] : undefined;
  const pendingChoice = state.status === 'asking' ? state.pendingChoice : null;
  const paused = state.status === 'asking' && state.clock.runningSince === null;
  const isLast = state.index === state.items.length - 1;
  const total = state.items.length;
  const questionRef = useRef<HTMLDivElement>(null);
  const sureRef = useRef<HTMLButtonElement>(null);
  const [confirmQuit, setConfirmQuit] = useState(false);

  const choose = (choice: ServiceType) => dispatch({ type: 'choose', choice, now: now() });
  const confirm = (confidence: Confidence) => dispatch({ type: 'confirm', confidence, now: now() });
  const next = () => dispatch({ type: 'next', now: now() });

  // Keys send events straight to the reducer, which ignores those that do not fit the current
  // state; checking the rendered state here would miss a second key pressed before a re-render.
  useShortcutKeys({
    onNumber: (n) => {
      const type = SERVICE_TYPES[n - 1];
      if (type) choose(type);
    },
    onEnter: next,
    onLetter: (letter) => {
      if (letter === 's') confirm('sure');
      if (letter === 'g') confirm('guessing');
    },
  });

  // Each new question takes focus, so a screen reader reads it and keys act on it.
  useLayoutEffect(() => {
    if (state.status === 'asking') questionRef.current?.focus();
  }, [state.index, state.status]);

  useLayoutEffect(() => {
    if (pendingChoice) sureRef.current?.focus();
  }, [pendingChoice]);

  if (!item || !question) return null;
  const timed = state.meta.settings.timerSeconds !== null;

  return (
    <section className="quiz-player" aria-labelledby="quiz-progress">
      <div className="quiz-topbar">
        <p id="quiz-progress" className="quiz-progress">
          Question {state.index + 1} of {total}
        </p>
        <progress max={total} value={state.answers.length} aria-label="Questions answered" />
        {timed && state.status === 'asking' && (
          <QuizTimer
            timeLeft={() => timeLeftMs(state, now()) ?? 0}
            paused={paused}
            onTick={() => dispatch({ type: 'tick', now: now() })}
            onPause={() => dispatch({ type: 'pause', now: now() })}
            onResume={() => dispatch({ type: 'resume', now: now() })}
          />
        )}
      </div>

      {paused ? (
        <div className="paused-card">
          <p>The quiz is paused. The question is hidden until you resume.</p>
        </div>
      ) : (
        <div
          className="question-card"
          data-question-id={question.id}
          ref={questionRef}
          tabIndex={-1}
        >
          <h2 className="visually-hidden">Scenario</h2>
          <Prompt source={question.prompt} />
          <p className="question-ask">Which Service type fits best?</p>
          <AnswerButtons
            chosen={answered?.choice ?? pendingChoice}
            correct={answered ? answered.answer : null}
            disabled={state.status === 'answered'}
            onChoose={choose}
          />
          {pendingChoice && (
            <div className="confidence" role="group" aria-labelledby="confidence-label">
              <p id="confidence-label">
                You picked <strong>{pendingChoice}</strong>. How sure are you?
              </p>
              <div className="actions">
                <button
                  ref={sureRef}
                  type="button"
                  className="button"
                  aria-keyshortcuts="s"
                  onClick={() => confirm('sure')}
                >
                  Sure
                </button>
                <button
                  type="button"
                  className="button secondary"
                  aria-keyshortcuts="g"
                  onClick={() => confirm('guessing')}
                >
                  Guessing
                </button>
              </div>
              <p className="hint">
                Keys: S for Sure, G for Guessing. You can still change your pick.
              </p>
            </div>
          )}
          {answered && <Feedback answer={answered} question={question} />}
        </div>
      )}

      {state.status === 'answered' && (
        <div className="actions next-row">
          <button type="button" className="button" aria-keyshortcuts="Enter" onClick={next}>
            {isLast ? 'See results' : 'Next question'}
          </button>
          <span className="hint save-state" data-saved={!saving && !unsaved}>
            {saving ? 'Saving…' : unsaved ? 'Not saved yet' : 'Answer saved'}
          </span>
        </div>
      )}

      <div className="quiz-footer">
        <p className="hint">Keys: 1–4 choose an answer, Enter goes on.</p>
        {confirmQuit ? (
          <span className="confirm-quit" role="group" aria-label="Quit this quiz?">
            <span>Quit and discard this unfinished quiz?</span>
            <button type="button" className="button small" onClick={onQuit}>
              Yes, quit
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setConfirmQuit(false)}
            >
              Keep going
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button secondary small"
            onClick={() => setConfirmQuit(true)}
          >
            Quit quiz
          </button>
        )}
      </div>
      {/* Exam style gives no feedback; this says the answer was taken. */}
      <div className="visually-hidden" aria-live="polite">
        {state.meta.settings.feedback === 'end' &&
        state.answers.length > 0 &&
        state.status === 'asking'
          ? `Answer saved. Question ${state.index + 1} of ${total}.`
          : ''}
      </div>
    </section>
  );
}
