import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  JoinCode,
} from '../../domain/live-protocol';
import type { CreateSessionResult } from '../../lib/live-api';
import { HostSetupForm, type HostableBank } from './HostSetupForm';
import { JoinForm } from './JoinForm';
import { OfflineNotice } from './OfflineNotice';
import './team.css';

interface Props {
  /** null while the built-in bank loads; the join form does not wait for it. */
  banks: readonly HostableBank[] | null;
  /** The bank the form starts with (the learner's active bank), if it is among `banks`. */
  initialBankId?: string;
  /** Why no bank can be hosted from, if so. */
  bankProblem: string | null;
  newSeed: () => string;
  createSession: (request: CreateSessionRequest) => Promise<CreateSessionResult>;
  onHosted: (session: CreateSessionResponse) => void;
  onJoin: (code: JoinCode, name: string) => void;
}

/** `/team`: join a live session with a code, or host one. */
export function TeamPage({
  banks,
  initialBankId,
  bankProblem,
  newSeed,
  createSession,
  onHosted,
  onJoin,
}: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Extract<CreateSessionResult, { ok: false }> | null>(null);

  async function host(request: CreateSessionRequest) {
    setBusy(true);
    setFailure(null);
    const result = await createSession(request);
    setBusy(false);
    if (result.ok) onHosted(result.session);
    else setFailure(result);
  }

  return (
    <section className="page team-page">
      <PageHeading>Team session</PageHeading>
      <p className="lead">
        A trainer hosts a live round on a projector; everyone answers the same scenarios from their
        own phone or laptop, then the room sees how it split before the explanation.
      </p>
      <OfflineNotice context="start" />
      <div className="team-columns">
        <section className="team-card" aria-labelledby="join-heading">
          <h2 id="join-heading">Join a session</h2>
          <p>Enter the code your trainer shows, and the name the room will see.</p>
          <JoinForm onJoin={onJoin} />
        </section>
        <section className="team-card" aria-labelledby="host-heading">
          <h2 id="host-heading">Host a session</h2>
          {failure && (
            <div role="alert" className="alert alert-error">
              <p>
                <strong>The session could not be created.</strong> {failure.message}
              </p>
              {failure.problems.length > 0 && (
                <ul className="problem-list">
                  {failure.problems.slice(0, 20).map((p, i) => (
                    <li key={i}>
                      {p.where}: {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {bankProblem ? (
            <div role="alert" className="alert alert-error">
              <p>{bankProblem}</p>
            </div>
          ) : banks ? (
            <HostSetupForm
              banks={banks}
              initialBankId={initialBankId}
              newSeed={newSeed}
              busy={busy}
              onHost={host}
            />
          ) : (
            <p className="loading" aria-live="polite">
              Loading questions…
            </p>
          )}
          {busy && (
            <p className="hint" role="status">
              Creating the session…
            </p>
          )}
        </section>
      </div>
    </section>
  );
}
