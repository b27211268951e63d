import type { LeaderRow } from '../../domain/live-protocol';
import { accuracyText, formatPoints, ordinal } from './messages';

/** The first three places, shown large: second, first, third on a wide screen, like a podium. */
export function Podium({ rows }: { rows: readonly LeaderRow[] }) {
  if (rows.length === 0) return <p>Nobody answered in this session.</p>;
  return (
    <ol className="podium" aria-label="Podium">
      {rows.map((row, i) => (
        // Placed by position in the list, not by rank: ties must not put two people on the
        // middle step, or first place at the side.
        <li key={row.participantId} className={`podium-place podium-pos-${i}`}>
          <span className="podium-rank">{ordinal(row.rank)}</span>
          <span className="podium-name person-name">{row.name}</span>
          <span className="podium-points">{formatPoints(row.points)}</span>
          <span className="podium-accuracy">{accuracyText(row.correct, row.asked)} right</span>
        </li>
      ))}
    </ol>
  );
}
