import { CHOSEN_COLUMNS, type QuizScore } from '../domain/quiz-score';
import { SERVICE_TYPES } from '../domain/service-types';
import { ScrollTable } from './ScrollTable';

interface Props {
  confusion: QuizScore['confusion'];
  /** Show the "No answer" column (answers lost to the timer). */
  showNone?: boolean;
}

/** Heat level 0–4 of a cell, relative to its row, so the colours read like a grid at a glance. */
function heat(count: number, rowTotal: number): number {
  if (count === 0 || rowTotal === 0) return 0;
  return Math.min(4, Math.ceil((4 * count) / rowTotal));
}

/**
 * Rows are the right answer, columns what was chosen. The table is the accessible form; cell
 * colours (green on the diagonal, red off it) make the same numbers a colour-scaled grid.
 */
export function ConfusionMatrix({ confusion, showNone = false }: Props) {
  const columns = CHOSEN_COLUMNS.filter((c) => c !== 'none' || showNone);
  return (
    <ScrollTable caption="Confusion matrix" className="confusion-matrix">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Right answer, by what you chose</span>
            <span aria-hidden="true">Right ↓ · Chosen →</span>
          </th>
          {columns.map((c) => (
            <th scope="col" key={c}>
              {c === 'none' ? 'No answer' : c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SERVICE_TYPES.map((answer) => {
          const row = confusion[answer];
          const total = CHOSEN_COLUMNS.reduce((sum, c) => sum + row[c], 0);
          return (
            <tr key={answer}>
              <th scope="row">{answer}</th>
              {columns.map((chosen) => (
                <td
                  key={chosen}
                  className={`heat-${chosen === answer ? 'good' : 'bad'}-${heat(row[chosen], total)}`}
                >
                  {row[chosen]}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
