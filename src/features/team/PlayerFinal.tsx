import { Link } from 'react-router';
import type { PlayerPhase } from '../../lib/live-player-state';
import { Leaderboard } from './Leaderboard';
import { accuracyText, formatPoints, ordinal } from './messages';
import { Podium } from './Podium';
import { useFocusOnStep } from './useLive';

type EndedPhase = Extract<PlayerPhase, { phase: 'ended' }>;

/** The participant's final place, the podium and the top of the room. */
export function PlayerFinal({ phase, me }: { phase: EndedPhase; me: string }) {
  const heading = useFocusOnStep<HTMLHeadingElement>('ended');
  const { final, result } = phase;
  return (
    <div className="player-final">
      <h2 ref={heading} tabIndex={-1}>
        Final results
      </h2>
      <p role="status" className="your-final">
        {result
          ? `You finished ${ordinal(result.rank)} of ${result.of} with ${formatPoints(result.points)}: ${accuracyText(result.correct, result.asked)} right.`
          : 'The session has ended. Your result is on its way…'}
      </p>
      <Podium rows={final.podium} />
      <Leaderboard rows={final.leaderboard} highlight={me} />
      <p>
        <Link to="/quiz">Practise these types on your own with the quiz</Link>
      </p>
    </div>
  );
}
