import type { HostView, ParticipantId } from '../../domain/live-protocol';
import type { HostClient, HostState } from '../../lib/live-host-client';
import { Participants } from './Participants';
import { QrCode } from './QrCode';
import { SettingsSummary } from './SettingsSummary';
import { useFocusOnStep } from './useLive';

interface Props {
  view: HostView;
  state: HostState;
  joinUrl: string;
  send: HostClient['send'];
  onRemove: (participantId: ParticipantId) => void;
}

export function HostLobby({ view, state, joinUrl, send, onRemove }: Props) {
  const heading = useFocusOnStep<HTMLHeadingElement>('lobby');
  const offline = state.connection.status !== 'open';
  const shownUrl = joinUrl.replace(/^https?:\/\//, '');
  return (
    <div className="host-lobby">
      <h2 ref={heading} tabIndex={-1}>
        Join the session
      </h2>
      <div className="join-panel">
        <div className="join-how">
          <p className="join-code-caption" aria-hidden="true">
            Join code
          </p>
          <div className="join-code" role="group" aria-label="Join code">
            {view.code}
          </div>
          <p className="join-link">
            Scan the code or open <a href={joinUrl}>{shownUrl}</a>
          </p>
        </div>
        <QrCode value={joinUrl} label={`QR code that opens ${joinUrl}`} />
      </div>
      <SettingsSummary view={view} />
      <div className="actions host-controls">
        <button
          type="button"
          className="button"
          disabled={offline || state.pending !== null}
          onClick={() => send({ type: 'start' })}
        >
          Start
        </button>
        <span className="hint">
          {view.participants.length === 0
            ? 'Waiting for the first person to join.'
            : `Starts question 1 of ${view.total} for everyone.`}
        </span>
      </div>
      <Participants participants={view.participants} onRemove={onRemove} announce />
    </div>
  );
}
