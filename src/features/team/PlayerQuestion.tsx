import { AnswerButtons } from '../../components/AnswerButtons';
import { Prompt } from '../../components/Prompt';
import { useShortcutKeys } from '../../components/useShortcutKeys';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types';
import type { PlayerPhase } from '../../lib/live-player-state';
import { Countdown } from './Countdown';
import { useFocusOnStep } from './useLive';
import { useEffect, useRef, useState } from 'react';

type QuestionPhase = Extract<PlayerPhase, { phase: 'question' }>;

interface Props {
  phase: QuestionPhase;
  online: boolean;
  now: () => number;
  onAnswer: (choice: ServiceType) => void;
}

/** The scenario and the four answer buttons (keys 1–4); then "Answer received". */
export function PlayerQuestion({ phase, online, now, onAnswer }: Props) {
  const { question, answer, sending, deadline } = phase;
  const card = useFocusOnStep<HTMLDivElement>(`question-${question.index}`);
  const timeUp = useTimeUp(deadline, now);
  const given = answer ?? sending;
  const locked = given !== null || timeUp;
  // The pressed button becomes disabled and would drop focus: keep it on the answer's status.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (
      given !== null &&
      statusRef.current?.closest('.question-card')?.contains(document.activeElement)
    )
      statusRef.current.focus();
  }, [given]);

  // The client ignores an answer that does not fit (a second one, or none open).
  useShortcutKeys({
    onNumber: (n) => {
      const type = SERVICE_TYPES[n - 1];
      if (type && !locked) onAnswer(type);
    },
  });

  const status = answer
    ? `Answer received: ${answer}. Wait for the reveal.`
    : sending
      ? online
        ? `Sending ${sending}…`
        : `Your answer ${sending} will be sent when the connection is back.`
      : timeUp
        ? 'Time is up. Wait for the reveal.'
        : '';
  return (
    <div className="player-question">
      <div className="quiz-topbar">
        <p className="quiz-progress">
          Question {question.index + 1} of {question.total}
        </p>
        <Countdown deadline={deadline} now={now} untimedText="No time limit" />
      </div>
      <div
        ref={card}
        tabIndex={-1}
        className="question-card"
        data-question-id={question.questionId}
      >
        <h2 className="visually-hidden">Question {question.index + 1}</h2>
        <Prompt source={question.prompt} />
        <p className="question-ask">Which Service type fits best?</p>
        <AnswerButtons chosen={given} correct={null} disabled={locked} onChoose={onAnswer} />
        <p
          ref={statusRef}
          tabIndex={-1}
          role="status"
          className={`answer-status${answer ? ' received' : ''}`}
        >
          {status}
        </p>
      </div>
      <p className="hint">Keys: 1–4 choose an answer. You have one answer per question.</p>
    </div>
  );
}

/** Whether the local countdown has run out (the server has the last word, at the reveal). */
function useTimeUp(deadline: number | null, now: () => number): boolean {
  // The deadline the timer saw pass; re-rendering at that moment is the timer's only job.
  const [passed, setPassed] = useState<number | null>(null);
  useEffect(() => {
    if (deadline === null) return;
    const id = window.setTimeout(() => setPassed(deadline), Math.max(0, deadline - now()));
    return () => window.clearTimeout(id);
  }, [deadline, now]);
  return deadline !== null && (passed === deadline || deadline <= now());
}
