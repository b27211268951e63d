import { useLocation, useParams } from 'react-router';
import { joinCodeSchema } from '../../domain/live-protocol';
import { HostPage } from '../../features/team/HostPage';
import { hostClient, liveTokens, today, tokenFromState } from '../live';

export default function Page() {
  const { code = '' } = useParams();
  const location = useLocation();
  const parsed = joinCodeSchema.safeParse(code);
  const hostToken = parsed.success
    ? (liveTokens().host(parsed.data) ?? tokenFromState(location.state))
    : null;
  return (
    <HostPage
      code={code}
      hostToken={hostToken}
      createClient={hostClient}
      joinUrl={(c) => `${window.location.origin}/join/${c}`}
      now={Date.now}
      today={today}
    />
  );
}
