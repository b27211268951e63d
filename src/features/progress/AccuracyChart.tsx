import type { Mastery } from '../../domain/mastery';

const W = 600;
const H = 180;
const PAD = 28;

/** Score of each quiz over time as a line; the history table below it is the text equivalent. */
export function AccuracyChart({ points }: { points: Mastery['overTime'] }) {
  if (points.length < 2) return <p className="hint">The chart appears after your second quiz.</p>;
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (percent: number) => H - PAD - (percent * (H - 2 * PAD)) / 100;
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`)
    .join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <figure className="accuracy-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Score of your ${points.length} quizzes over time: first ${first.percent}%, latest ${last.percent}%. The quiz history table lists every score.`}
      >
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={4} y={y(v) + 4} className="axis-label">
              {v}%
            </text>
          </g>
        ))}
        <path d={path} className="score-line" />
        {points.map((p, i) => (
          <circle key={p.quizId} cx={x(i)} cy={y(p.percent)} r={4} className="score-dot" />
        ))}
      </svg>
      <figcaption className="hint">Score of each quiz, oldest on the left.</figcaption>
    </figure>
  );
}
