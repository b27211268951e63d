import { useId, useRef } from 'react';
import type { ParticipantId, ParticipantSummary } from '../../domain/live-protocol';

interface Props {
  participants: readonly ParticipantSummary[];
  onRemove: (participantId: ParticipantId) => void;
  /** Announce the count as people join (the lobby), or stay quiet (during questions). */
  announce?: boolean;
  /** Leave out the heading where a fold's summary already names the list. */
  heading?: boolean;
}

/** Who is in the session, each with a way to remove them (a name nobody should see). */
export function Participants({ participants, onRemove, announce = false, heading = true }: Props) {
  const id = useId();
  // Where focus goes when a removed person's row (and its focused button) goes away.
  const focusTarget = useRef<HTMLElement | null>(null);
  const n = participants.length;
  return (
    <section
      className="participants"
      aria-labelledby={heading ? `${id}-heading` : undefined}
      aria-label={heading ? undefined : `Participants (${n})`}
      ref={heading ? undefined : focusTarget}
      tabIndex={heading ? undefined : -1}
    >
      {heading && (
        <h3
          id={`${id}-heading`}
          ref={(el) => {
            focusTarget.current = el;
          }}
          tabIndex={-1}
        >
          Participants ({n})
        </h3>
      )}
      {n === 0 ? (
        <p className="hint">Nobody has joined yet.</p>
      ) : (
        <ul className="participant-list" aria-label="Participants">
          {participants.map((p) => (
            <li key={p.id} className={p.connected ? undefined : 'offline'}>
              <span className="person-name" id={`${id}-${p.id}`}>
                {p.name}
              </span>
              {!p.connected && <span className="offline-tag">offline</span>}
              <button
                type="button"
                className="button secondary small"
                aria-describedby={`${id}-${p.id}`}
                onClick={() => {
                  onRemove(p.id);
                  // The row goes away; keep keyboard focus in the list rather than lose it.
                  focusTarget.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {announce && (
        <p className="visually-hidden" aria-live="polite">
          {n === 0 ? '' : `${n} ${n === 1 ? 'person has' : 'people have'} joined.`}
        </p>
      )}
    </section>
  );
}
