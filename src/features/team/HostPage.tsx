import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import {
  joinCodeSchema,
  type HostToken,
  type JoinCode,
  type ParticipantId,
} from '../../domain/live-protocol';
import type { HostClient } from '../../lib/live-host-client';
import { ConnectionBanner } from './ConnectionBanner';
import { HostFinal } from './HostFinal';
import { HostLobby } from './HostLobby';
import { HostQuestion } from './HostQuestion';
import { HostReveal } from './HostReveal';
import { OfflineNotice } from './OfflineNotice';
import { useLiveClient, useStoreState } from './useLive';
import './team.css';

interface Props {
  /** The code from the address, unchecked. */
  code: string;
  /** The host token this browser kept for the code, if any. */
  hostToken: HostToken | null;
  createClient: (code: JoinCode, hostToken: HostToken) => HostClient;
  /** The address participants open to join, for the link and the QR code. */
  joinUrl: (code: JoinCode) => string;
  now: () => number;
  /** Names the export files. */
  today: () => string;
}

/** `/team/host/:code`: the host's screen, which a refresh brings back to the same session. */
export function HostPage({ code, hostToken, ...rest }: Props) {
  const parsed = joinCodeSchema.safeParse(code);
  if (!parsed.success || !hostToken)
    return (
      <section className="page">
        <PageHeading>Host a session</PageHeading>
        <div role="alert" className="alert alert-error">
          <p>
            {parsed.success
              ? `This browser does not hold the host key for session ${parsed.data}, so it cannot control it. Only the browser that created a session can host it.`
              : `“${code}” is not a join code: a join code is 6 letters and digits.`}
          </p>
        </div>
        <p className="actions">
          <Link className="button" to="/team">
            Host a new session
          </Link>
          {parsed.success && (
            <Link className="button secondary" to={`/join/${parsed.data}`}>
              Join {parsed.data} as a participant
            </Link>
          )}
        </p>
      </section>
    );
  return <HostSession code={parsed.data} hostToken={hostToken} {...rest} />;
}

function HostSession({
  code,
  hostToken,
  createClient,
  joinUrl,
  now,
  today,
}: Omit<Props, 'code' | 'hostToken'> & { code: JoinCode; hostToken: HostToken }) {
  const client = useLiveClient(() => {
    const c = createClient(code, hostToken);
    c.start();
    return c;
  }, `${code}:${hostToken}`);
  return (
    <section className="page team-host">
      <PageHeading title={`Hosting ${code}`}>Team session</PageHeading>
      <OfflineNotice context="session" />
      {client ? (
        <HostScreen client={client} joinUrl={joinUrl(code)} now={now} today={today} />
      ) : (
        <p className="loading">Connecting to the session…</p>
      )}
    </section>
  );
}

function HostScreen({
  client,
  joinUrl,
  now,
  today,
}: {
  client: HostClient;
  joinUrl: string;
  now: () => number;
  today: () => string;
}) {
  const state = useStoreState(client);
  const { view, fatal } = state;
  if (fatal)
    return (
      <>
        <div role="alert" className="alert alert-error">
          <p>
            {fatal.code === 'session-ended'
              ? 'This session has ended.'
              : fatal.code === 'unknown-session'
                ? 'This session no longer exists: it ended, or expired after two hours without activity.'
                : 'This browser’s host key does not fit this session, so it cannot control it.'}
          </p>
        </div>
        <p>
          <Link className="button" to="/team">
            Host a new session
          </Link>
        </p>
      </>
    );
  const remove = (participantId: ParticipantId) => client.send({ type: 'remove', participantId });
  return (
    <>
      <ConnectionBanner
        connection={state.connection}
        inSession
        now={now}
        onReconnect={client.reconnectNow}
      />
      {state.notice && (
        <div role="alert" className="alert alert-warn">
          <p>{state.notice}</p>
        </div>
      )}
      {!view ? (
        <p className="loading" aria-live="polite">
          Connecting to the session…
        </p>
      ) : view.state.phase === 'lobby' ? (
        <HostLobby
          view={view}
          state={state}
          joinUrl={joinUrl}
          send={client.send}
          onRemove={remove}
        />
      ) : view.state.phase === 'question' ? (
        <HostQuestion
          view={view}
          question={view.state.question}
          state={state}
          now={now}
          send={client.send}
          onRemove={remove}
        />
      ) : view.state.phase === 'reveal' ? (
        <HostReveal
          view={view}
          reveal={view.state.reveal}
          state={state}
          send={client.send}
          onRemove={remove}
        />
      ) : (
        <HostFinal view={view} final={view.state.final} rows={view.state.rows} today={today} />
      )}
    </>
  );
}
