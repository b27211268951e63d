import { ScrollTable } from '../../components/ScrollTable';
import type { FinalResults, QuestionStat } from '../../domain/live-protocol';

/** The prompt as plain words, shortened: enough to recognise the scenario in a table. */
export function excerpt(prompt: string, max = 110): string {
  const plain = prompt
    .replace(/```[\s\S]*?```/g, ' … ')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** 0 (all agreed) to 1 (an even split) in words. */
export function splitText(split: number): string {
  if (split >= 0.6) return 'Split the room';
  if (split >= 0.3) return 'Divided';
  return 'Mostly agreed';
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/** Which scenarios split the room, the most common confusion, and every question's figures. */
export function QuestionStats({ final }: { final: FinalResults }) {
  const splitters = [...final.questions]
    .filter((q) => q.split >= 0.3)
    .sort((a, b) => b.split - a.split)
    .slice(0, 3);
  const confusion = final.mostCommonConfusion;
  return (
    <section className="question-stats" aria-labelledby="question-stats-heading">
      <h3 id="question-stats-heading">Question by question</h3>
      {confusion ? (
        <p>
          <strong>Most common confusion:</strong> {confusion.picked} chosen where the answer was{' '}
          {confusion.answer} ({confusion.count} time{confusion.count === 1 ? '' : 's'}).
        </p>
      ) : (
        <p>Nobody picked a wrong type: no confusions to talk about.</p>
      )}
      {splitters.length > 0 && (
        <>
          <h4>Scenarios that split the room</h4>
          <ul className="splitters">
            {splitters.map((q) => (
              <li key={q.index}>
                <span className="stat-index">Question {q.index + 1}:</span> {excerpt(q.prompt)}{' '}
                <span className="stat-detail">
                  ({pct(q.correctRate)} right; answer {q.answer}
                  {q.topConfusion ? `, most often confused with ${q.topConfusion.picked}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <ScrollTable caption="Results per question" className="question-stats-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Scenario</th>
            <th scope="col">Answer</th>
            <th scope="col">Right</th>
            <th scope="col">Room</th>
            <th scope="col">Most picked wrong type</th>
          </tr>
        </thead>
        <tbody>
          {final.questions.map((q: QuestionStat) => (
            <tr key={q.index}>
              <td>{q.index + 1}</td>
              <th scope="row" className="stat-prompt">
                {excerpt(q.prompt, 80)}
              </th>
              <td>{q.answer}</td>
              <td>{pct(q.correctRate)}</td>
              <td>{splitText(q.split)}</td>
              <td>{q.topConfusion ? `${q.topConfusion.picked} (${q.topConfusion.count})` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
