import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  return (
    <ComingSoon title="Team session">
      <p>
        A trainer hosts a live session and everyone joins from their own device with a code, with a
        live answer chart and a leaderboard.
      </p>
    </ComingSoon>
  );
}
