import { Prompt } from '../../components/Prompt';
import type { HostView, OpenQuestion, ParticipantId } from '../../domain/live-protocol';
import { SERVICE_TYPES } from '../../domain/service-types';
import type { HostClient, HostState } from '../../lib/live-host-client';
import { Countdown } from './Countdown';
import { Participants } from './Participants';
import { useFocusOnStep } from './useLive';

interface Props {
  view: HostView;
  question: OpenQuestion;
  state: HostState;
  now: () => number;
  send: HostClient['send'];
  onRemove: (participantId: ParticipantId) => void;
}

/** The scenario large enough for the back of the room, the countdown and how many answered. */
export function HostQuestion({ view, question, state, now, send, onRemove }: Props) {
  const card = useFocusOnStep<HTMLDivElement>(`question-${question.index}`);
  const offline = state.connection.status !== 'open';
  const people = view.participants.length;
  return (
    <div className="host-question">
      <div className="host-topbar">
        <p className="host-progress">
          Question {question.index + 1} of {question.total}
        </p>
        <Countdown
          deadline={state.deadline}
          now={now}
          untimedText="No time limit: reveal when the room is ready"
        />
        <p className="answered-count">
          <strong>{state.answered}</strong> of {people} answered
        </p>
      </div>
      <div className="actions host-controls">
        <button
          type="button"
          className="button"
          disabled={offline || state.pending !== null}
          onClick={() => send({ type: 'reveal' })}
        >
          Reveal now
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={offline || state.pending !== null}
          onClick={() => send({ type: 'end' })}
        >
          End session
        </button>
      </div>
      <div
        ref={card}
        tabIndex={-1}
        className="question-card projector"
        data-question-id={question.questionId}
      >
        <h2 className="visually-hidden">Question {question.index + 1}</h2>
        <Prompt source={question.prompt} />
        <p className="question-ask">Which Service type fits best?</p>
        <ol className="option-list" aria-label="Answer options">
          {SERVICE_TYPES.map((type, i) => (
            <li key={type}>
              <span className="key-hint" aria-hidden="true">
                {i + 1}
              </span>
              {type}
            </li>
          ))}
        </ol>
      </div>
      <details className="participants-fold">
        <summary>Participants ({people})</summary>
        <Participants participants={view.participants} onRemove={onRemove} heading={false} />
      </details>
    </div>
  );
}
