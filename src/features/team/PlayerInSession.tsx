import { useState } from 'react';
import type { PlayerClient } from '../../lib/live-player-client';
import type { PlayerPlace, PlayerState } from '../../lib/live-player-state';
import { PlayerFinal } from './PlayerFinal';
import { PlayerQuestion } from './PlayerQuestion';
import { PlayerReveal } from './PlayerReveal';
import { formatPoints } from './messages';
import { useFocusOnStep } from './useLive';

type InPlace = Extract<PlayerPlace, { status: 'in' }>;

interface Props {
  state: PlayerState;
  place: InPlace;
  client: PlayerClient;
  now: () => number;
}

/** The participant's screen for the phase the session is in. */
export function PlayerInSession({ state, place, client, now }: Props) {
  const phase = place.phase;
  return (
    <div className="player-session">
      <p className="player-bar">
        <span className="person-name">{place.me.name}</span>
        <span>{formatPoints(place.totalPoints)}</span>
      </p>
      {state.notice && (
        <div role="alert" className="alert alert-warn">
          <p>
            {state.notice.code === 'too-late' || state.notice.code === 'not-open'
              ? 'Your answer arrived after the question closed, so it does not count.'
              : state.notice.message}
          </p>
        </div>
      )}
      {phase.phase === 'lobby' ? (
        <PlayerLobby place={place} client={client} />
      ) : phase.phase === 'question' ? (
        <PlayerQuestion
          phase={phase}
          online={state.connection.status === 'open'}
          now={now}
          onAnswer={client.answer}
        />
      ) : phase.phase === 'reveal' ? (
        <PlayerReveal phase={phase} />
      ) : (
        <PlayerFinal phase={phase} me={place.me.participantId} />
      )}
    </div>
  );
}

function PlayerLobby({ place, client }: { place: InPlace; client: PlayerClient }) {
  const heading = useFocusOnStep<HTMLHeadingElement>('lobby');
  const [confirm, setConfirm] = useState(false);
  return (
    <div className="player-lobby">
      <h2 ref={heading} tabIndex={-1}>
        You are in, {place.me.name}
      </h2>
      <p role="status">
        Waiting for the host to start. Keep this page open: the first question appears here.
      </p>
      <p className="hint">
        {place.session.total} question{place.session.total === 1 ? '' : 's'}
        {place.session.settings.secondsPerQuestion === null
          ? ', untimed'
          : `, ${place.session.settings.secondsPerQuestion} s each`}
        . Answer with the buttons or the keys 1 to 4.
      </p>
      {confirm ? (
        <div className="confirm" role="group" aria-label="Leave the session?">
          <p>Leave for good? Your name becomes free and you cannot come back as {place.me.name}.</p>
          <div className="actions">
            <button type="button" className="button small" onClick={client.leave}>
              Yes, leave
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => setConfirm(false)}
            >
              Stay
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button secondary small" onClick={() => setConfirm(true)}>
          Leave session
        </button>
      )}
    </div>
  );
}
