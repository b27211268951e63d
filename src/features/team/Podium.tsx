import type { LeaderRow } from '../../domain/live-protocol';
import { accuracyText, formatPoints, ordinal } from './messages';

/** The first three places, shown large: second, first, third on a wide screen, like a podium. */
export function Podium({ rows }: { rows: readonly LeaderRow[] }) {
  if (rows.length === 0) return <p>Nobody answered in this session.</p>;
  return (
    <ol className="podium" aria-label="Podium">
      {rows.map((row) => (
        <li key={row.participantId} className={`podium-place place-${row.rank}`}>
          <span className="podium-rank">{ordinal(row.rank)}</span>
          <span className="podium-name person-name">{row.name}</span>
          <span className="podium-points">{formatPoints(row.points)}</span>
          <span className="podium-accuracy">{accuracyText(row.correct, row.asked)} right</span>
        </li>
      ))}
    </ol>
  );
}
