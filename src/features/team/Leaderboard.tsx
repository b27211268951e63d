import { ScrollTable } from '../../components/ScrollTable';
import type { LeaderRow } from '../../domain/live-protocol';
import { accuracyText } from './messages';

/** The top of the room: rank, name, points, and accuracy beside the points (speed is not all). */
export function Leaderboard({
  rows,
  headingLevel = 3,
  highlight,
}: {
  rows: readonly LeaderRow[];
  headingLevel?: 2 | 3;
  /** A participant to mark as "you". */
  highlight?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="leaderboard" aria-labelledby="leaderboard-heading">
      <Heading id="leaderboard-heading">Leaderboard</Heading>
      {rows.length === 0 ? (
        <p>Nobody has points yet.</p>
      ) : (
        <ScrollTable caption="Leaderboard, top 10" hideCaption className="leaderboard-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Name</th>
              <th scope="col">Points</th>
              <th scope="col">Accuracy</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.participantId}
                className={row.participantId === highlight ? 'you' : undefined}
              >
                <td>{row.rank}</td>
                <th scope="row" className="person-name">
                  {row.name}
                  {row.participantId === highlight && (
                    <>
                      {' '}
                      <span className="you-tag">(you)</span>
                    </>
                  )}
                </th>
                <td>{row.points.toLocaleString('en')}</td>
                <td>{accuracyText(row.correct, row.asked)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
