import { Prompt } from '../../components/Prompt';
import type { HostView, Reveal, ParticipantId } from '../../domain/live-protocol';
import type { HostClient, HostState } from '../../lib/live-host-client';
import { Distribution } from './Distribution';
import { Leaderboard } from './Leaderboard';
import { Participants } from './Participants';
import { RevealExplanation } from './RevealExplanation';
import { useFocusOnStep } from './useLive';

interface Props {
  view: HostView;
  reveal: Reveal;
  state: HostState;
  send: HostClient['send'];
  onRemove: (participantId: ParticipantId) => void;
}

/** How the room split, the right answer and why, and the leaderboard. */
export function HostReveal({ view, reveal, state, send, onRemove }: Props) {
  const heading = useFocusOnStep<HTMLHeadingElement>(`reveal-${reveal.index}`);
  const disabled = state.connection.status !== 'open' || state.pending !== null;
  return (
    <div className="host-reveal">
      <p className="host-progress">
        Question {reveal.index + 1} of {reveal.total}
      </p>
      <h2 ref={heading} tabIndex={-1} className="reveal-answer">
        The answer is {reveal.answer}
      </h2>
      <div className="actions host-controls">
        {reveal.isLast ? (
          <button
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => send({ type: 'end' })}
          >
            End session
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              disabled={disabled}
              onClick={() => send({ type: 'next' })}
            >
              Next question
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={disabled}
              onClick={() => send({ type: 'end' })}
            >
              End session
            </button>
          </>
        )}
        {reveal.isLast && (
          <span className="hint">That was the last question: end to see the podium.</span>
        )}
      </div>
      <div className="question-card" data-question-id={reveal.questionId}>
        <h3 className="visually-hidden">Scenario</h3>
        <Prompt source={reveal.prompt} />
      </div>
      <Distribution
        distribution={reveal.distribution}
        noAnswer={reveal.noAnswer}
        answer={reveal.answer}
      />
      <section className="why" aria-labelledby="why-heading">
        <h3 id="why-heading">Why {reveal.answer}</h3>
        <RevealExplanation reveal={reveal} choice={null} />
      </section>
      <Leaderboard rows={reveal.leaderboard} />
      <details className="participants-fold">
        <summary>Participants ({view.participants.length})</summary>
        <Participants participants={view.participants} onRemove={onRemove} heading={false} />
      </details>
    </div>
  );
}
