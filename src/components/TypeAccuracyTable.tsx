import type { TypeAccuracy } from '../domain/quiz-score';
import { ScrollTable } from './ScrollTable';
import { SERVICE_TYPES, type ServiceType } from '../domain/service-types';

export function percent(correct: number, asked: number): string {
  return asked === 0 ? '—' : `${Math.round((100 * correct) / asked)}%`;
}

/** For each type: how often it was the answer, how often you got it, with a bar for the share. */
export function TypeAccuracyTable({
  perType,
  caption,
}: {
  perType: Record<ServiceType, TypeAccuracy>;
  caption: string;
}) {
  return (
    <ScrollTable caption={caption} className="accuracy-table">
      <thead>
        <tr>
          <th scope="col">Right answer</th>
          <th scope="col">Asked</th>
          <th scope="col">Correct</th>
          <th scope="col">Accuracy</th>
        </tr>
      </thead>
      <tbody>
        {SERVICE_TYPES.map((type) => {
          const { asked, correct } = perType[type];
          return (
            <tr key={type}>
              <th scope="row">{type}</th>
              <td>{asked}</td>
              <td>{correct}</td>
              <td>
                <span className="bar-cell">
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: asked === 0 ? 0 : `${(100 * correct) / asked}%` }} />
                  </span>
                  {percent(correct, asked)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
