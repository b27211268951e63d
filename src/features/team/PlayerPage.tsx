import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { joinCodeSchema, normalizeJoinCode, type JoinCode } from '../../domain/live-protocol';
import type { PlayerClient } from '../../lib/live-player-client';
import type { PlayerState } from '../../lib/live-player-state';
import { ConnectionBanner } from './ConnectionBanner';
import { JoinForm, type JoinFormProblem } from './JoinForm';
import { joinProblemText } from './messages';
import { OfflineNotice } from './OfflineNotice';
import { PlayerInSession } from './PlayerInSession';
import { useLiveClient, useStoreState } from './useLive';
import './team.css';

interface Props {
  /** The code from the address, unchecked. */
  code: string;
  /** A name given on `/team`: join at once (unless this browser already has a place). */
  autoJoinName: string | null;
  createClient: (code: JoinCode) => PlayerClient;
  /** The person typed another code into the form: go to that session's page. */
  goToCode: (code: JoinCode, name: string) => void;
  now: () => number;
}

/** `/join/:code`: a participant's page, which a refresh or a lost connection rejoins. */
export function PlayerPage({ code, autoJoinName, createClient, goToCode, now }: Props) {
  const parsed = joinCodeSchema.safeParse(normalizeJoinCode(code));
  if (!parsed.success)
    return (
      <section className="page team-player">
        <PageHeading>Join a session</PageHeading>
        <OfflineNotice context="start" />
        <div role="alert" className="alert alert-error">
          <p>
            “{code}” is not a join code. A join code is 6 letters and digits: check the code your
            trainer shows and enter it below.
          </p>
        </div>
        <JoinForm onJoin={goToCode} />
      </section>
    );
  return (
    <PlayerSession
      key={parsed.data}
      code={parsed.data}
      autoJoinName={autoJoinName}
      createClient={createClient}
      goToCode={goToCode}
      now={now}
    />
  );
}

function PlayerSession({
  code,
  autoJoinName,
  createClient,
  goToCode,
  now,
}: Omit<Props, 'code'> & { code: JoinCode }) {
  const client = useLiveClient(() => {
    const c = createClient(code);
    if (!c.resume() && autoJoinName) c.join(autoJoinName);
    return c;
  }, code);
  if (!client)
    return (
      <section className="page team-player">
        <PageHeading>Join a session</PageHeading>
        <p className="loading">Loading…</p>
      </section>
    );
  return (
    <PlayerScreen
      client={client}
      code={code}
      goToCode={goToCode}
      now={now}
      autoJoinName={autoJoinName}
    />
  );
}

function problemFor(state: PlayerState, code: JoinCode): JoinFormProblem | null {
  const p = state.problem;
  if (!p) return null;
  return {
    field: p.code === 'name-taken' ? 'name' : p.code === 'unknown-session' ? 'code' : null,
    text: joinProblemText(p.code, p.message, code),
  };
}

function PlayerScreen({
  client,
  code,
  goToCode,
  now,
  autoJoinName,
}: {
  client: PlayerClient;
  code: JoinCode;
  goToCode: Props['goToCode'];
  now: () => number;
  autoJoinName: string | null;
}) {
  const state = useStoreState(client);
  const place = state.place;
  const inSession = place.status === 'in' || place.status === 'rejoining';
  const banner = (
    <>
      <OfflineNotice context={inSession ? 'session' : 'start'} />
      <ConnectionBanner
        connection={state.connection}
        inSession={inSession}
        now={now}
        onReconnect={client.reconnectNow}
      />
    </>
  );

  if (place.status === 'in')
    return (
      <section className="page team-player">
        <PageHeading title={`${place.session.title} · ${code}`}>{place.session.title}</PageHeading>
        {banner}
        <PlayerInSession state={state} place={place} client={client} now={now} />
      </section>
    );

  let body;
  switch (place.status) {
    case 'joining':
    case 'rejoining':
      body = (
        <>
          {state.problem?.code === 'unavailable' && (
            <div role="alert" className="alert alert-warn">
              <p>{joinProblemText('unavailable', state.problem.message, code)}</p>
            </div>
          )}
          <p className="loading" role="status">
            {place.status === 'joining' ? 'Joining' : 'Rejoining'} session {code} as{' '}
            <strong className="person-name">{place.name}</strong>…
          </p>
        </>
      );
      break;
    case 'removed':
      body = (
        <>
          <div role="alert" className="alert alert-error">
            <p>{joinProblemText('removed', place.message, code)}</p>
          </div>
          <p>
            <Link to="/quiz">Practise on your own with the quiz</Link>
          </p>
        </>
      );
      break;
    case 'left':
      body = (
        <>
          <p role="status">You left session {code}. Your name is free for someone else.</p>
          <JoinForm
            initialCode={code}
            onJoin={(c, name) => (c === code ? client.join(name) : goToCode(c, name))}
          />
        </>
      );
      break;
    default:
      body = (
        <>
          <p>
            Enter your name to join session <strong>{code}</strong>.
          </p>
          <JoinForm
            initialCode={code}
            initialName={place.name ?? autoJoinName ?? ''}
            problem={problemFor(state, code)}
            onJoin={(c, name) => (c === code ? client.join(name) : goToCode(c, name))}
          />
        </>
      );
  }
  return (
    <section className="page team-player">
      <PageHeading>Join a session</PageHeading>
      {place.status === 'joining' || place.status === 'rejoining' ? (
        banner
      ) : (
        <OfflineNotice context="start" />
      )}
      {body}
    </section>
  );
}
