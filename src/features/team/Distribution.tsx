import { ScrollTable } from '../../components/ScrollTable';
import type { Reveal } from '../../domain/live-protocol';
import { SERVICE_TYPES } from '../../domain/service-types';

interface Props {
  distribution: Reveal['distribution'];
  noAnswer: number;
  answer: Reveal['answer'];
}

const share = (count: number, total: number) =>
  total === 0 ? 0 : Math.round((100 * count) / total);

/**
 * How the room split across the four types: a bar chart for the projector and the same figures
 * as a table. Shares are of everyone asked, so the rows (with "No answer") add up to the room.
 */
export function Distribution({ distribution, noAnswer, answer }: Props) {
  const total = SERVICE_TYPES.reduce((sum, t) => sum + distribution[t], 0) + noAnswer;
  const most = Math.max(1, ...SERVICE_TYPES.map((t) => distribution[t]));
  const summary = SERVICE_TYPES.map(
    (t) =>
      `${t}${t === answer ? ' (right answer)' : ''}: ${distribution[t]}, ${share(distribution[t], total)}%`,
  ).join('; ');
  return (
    <section className="distribution" aria-labelledby="distribution-heading">
      <h3 id="distribution-heading">How the room answered</h3>
      <div className="bar-chart" role="img" aria-label={`Bar chart. ${summary}.`}>
        {SERVICE_TYPES.map((type) => (
          <div key={type} className={`bar-column${type === answer ? ' right' : ''}`}>
            <span className="bar-figure">
              {distribution[type]} · {share(distribution[type], total)}%
            </span>
            <span className="bar-track">
              <span
                className="bar-fill"
                style={{ height: `${(100 * distribution[type]) / most}%` }}
              />
            </span>
            <span className="bar-label">
              {type === answer && <span className="mark">✓ </span>}
              {type}
            </span>
          </div>
        ))}
      </div>
      <ScrollTable caption="Answers by type" className="distribution-table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Answers</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {SERVICE_TYPES.map((type) => (
            <tr key={type} className={type === answer ? 'right' : undefined}>
              <th scope="row">
                {type}
                {type === answer && (
                  <>
                    {' '}
                    <span className="right-tag">(right answer)</span>
                  </>
                )}
              </th>
              <td>{distribution[type]}</td>
              <td>{share(distribution[type], total)}%</td>
            </tr>
          ))}
          <tr>
            <th scope="row">No answer</th>
            <td>{noAnswer}</td>
            <td>{share(noAnswer, total)}%</td>
          </tr>
        </tbody>
      </ScrollTable>
    </section>
  );
}
