import { useEffect } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { nameSchema } from '../../domain/live-protocol';
import { PlayerPage } from '../../features/team/PlayerPage';
import { nameFromState, playerClient } from '../live';

export default function Page() {
  const { code = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const given = nameSchema.safeParse(nameFromState(location.state));
  const autoJoinName = given.success ? given.data : null;
  // A name handed over from /team is used once: a reload then rejoins with the saved token
  // instead of joining again as a new person.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  return (
    <PlayerPage
      code={code}
      autoJoinName={autoJoinName}
      createClient={playerClient}
      goToCode={(c, name) => navigate(`/join/${c}`, { state: { name } })}
      now={Date.now}
    />
  );
}
