import { Link } from 'react-router';
import { ScrollTable } from '../../components/ScrollTable';
import { RECENT_ANSWERS, type Mastery } from '../../domain/mastery';
import { SERVICE_TYPES } from '../../domain/service-types';
import { percent } from '../../components/TypeAccuracyTable';
import { ConfusionMatrix } from '../../components/ConfusionMatrix';

interface Props {
  mastery: Mastery;
  /** Share of flashcard reviews passed, per type, when there are reviews. */
  retention?: Partial<Record<(typeof SERVICE_TYPES)[number], { passed: number; total: number }>>;
  weakest: { types: string[]; tags: string[] };
  /** Whether practice can start from here: it draws from the active bank. */
  canPractice?: boolean;
}

export function MasterySection({ mastery, retention, weakest, canPractice = true }: Props) {
  const { allTime, recent, mostConfused } = mastery;
  return (
    <>
      <section aria-labelledby="mastery">
        <h2 id="mastery">Mastery by type</h2>
        <ScrollTable caption="Mastery by type" hideCaption className="accuracy-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Quiz accuracy, all time</th>
              <th scope="col">Last {Math.min(RECENT_ANSWERS, mastery.answers)} answers</th>
              <th scope="col">Flashcard retention</th>
            </tr>
          </thead>
          <tbody>
            {SERVICE_TYPES.map((type) => {
              const all = allTime.perType[type];
              const last = recent.perType[type];
              const r = retention?.[type];
              return (
                <tr key={type}>
                  <th scope="row">{type}</th>
                  <td>
                    {percent(all.correct, all.asked)}{' '}
                    <span className="hint">
                      ({all.correct}/{all.asked})
                    </span>
                  </td>
                  <td>
                    {percent(last.correct, last.asked)}{' '}
                    <span className="hint">
                      ({last.correct}/{last.asked})
                    </span>
                  </td>
                  <td>
                    {r && r.total > 0 ? `${percent(r.passed, r.total)} of ${r.total} reviews` : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      </section>

      <section aria-labelledby="all-time-confusion">
        <h2 id="all-time-confusion">What you confuse</h2>
        <ConfusionMatrix confusion={allTime.confusion} showNone={allTime.unanswered > 0} />
        <p>
          {mostConfused
            ? `The pair you confuse most: you chose ${mostConfused.chosen} when ${mostConfused.answer} was right (${mostConfused.count}×).`
            : 'No mix-ups between types so far.'}
        </p>
        {(weakest.types.length > 0 || weakest.tags.length > 0) && (
          <>
            <p>
              Your weak spots: {[...weakest.types, ...weakest.tags.map((t) => `“${t}”`)].join(', ')}
              .
            </p>
            {canPractice && (
              <p>
                <Link className="button" to="/quiz?practice=weak&count=10">
                  Practice my weak spots
                </Link>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
