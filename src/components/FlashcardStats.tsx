import type { FlashcardStats as Stats, PassRate } from '../domain/flashcard-stats';
import { SERVICE_TYPES } from '../domain/service-types';

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
/** "Wed, 5 Mar" for "2025-03-05" (the stats hold calendar dates, so no time zone applies). */
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

const rate = ({ passed, total }: PassRate) =>
  total === 0 ? '—' : `${Math.round((100 * passed) / total)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Flashcard statistics for the progress page: due forecast, true retention (overall and per type)
 * and a heatmap of review days. Compute the props with `computeFlashcardStats` (src/domain). Each
 * chart is drawn for the eye only; the sentence beside it and its table carry the same numbers.
 */
export function FlashcardStats({ stats }: { stats: Stats }) {
  const { cards } = stats;
  return (
    <section className="flashcard-stats" aria-labelledby="flashcard-stats-heading">
      <h2 id="flashcard-stats-heading">Flashcards</h2>
      <p>
        {plural(cards.total, 'card')}: {cards.new} new, {cards.learning} in learning, {cards.review}{' '}
        learned.
      </p>
      <Forecast forecast={stats.forecast} />
      <Retention retention={stats.retention} perType={stats.perType} />
      <ReviewDays heatmap={stats.heatmap} />
    </section>
  );
}

function Forecast({ forecast }: { forecast: Stats['forecast'] }) {
  const sum = (days: number) => forecast.slice(0, days).reduce((s, d) => s + d.count, 0);
  const max = Math.max(0, ...forecast.map((d) => d.count));
  const busiest = forecast.find((d) => d.count === max);
  return (
    <div className="stats-block">
      <h3>Due in the next {forecast.length} days</h3>
      <p>
        {sum(1)} due today, {sum(7)} in the next 7 days, {sum(forecast.length)} in the next{' '}
        {forecast.length}.
        {busiest && max > 0 && ` Busiest day: ${formatDay(busiest.date)}, with ${max}.`}
      </p>
      <div className="forecast-chart" aria-hidden="true">
        {forecast.map((d) => (
          <span
            key={d.offset}
            className="forecast-bar"
            title={`${formatDay(d.date)}: ${d.count}`}
            style={{ height: max === 0 ? 0 : `${(100 * d.count) / max}%` }}
          />
        ))}
      </div>
      <div className="forecast-axis" aria-hidden="true">
        <span>Today</span>
        <span>+{forecast.length - 1} days</span>
      </div>
      <details>
        <summary>Due forecast as a table</summary>
        <DayCountTable
          caption="Cards due by day"
          countLabel="Cards due"
          rows={forecast.map((d) => ({
            key: d.date,
            day: d.offset === 0 ? 'Today' : d.offset === 1 ? 'Tomorrow' : formatDay(d.date),
            count: d.count,
          }))}
        />
      </details>
    </div>
  );
}

function Retention({ retention, perType }: { retention: PassRate; perType: Stats['perType'] }) {
  return (
    <div className="stats-block">
      <h3>True retention</h3>
      {retention.total === 0 ? (
        <p>
          No reviews of learned cards yet. Retention counts reviews of cards that have left their
          learning steps, so it appears a day or more after your first reviews.
        </p>
      ) : (
        <p>
          <strong className="stats-figure">{rate(retention)}</strong> of reviews of learned cards
          were passed: {retention.passed} of {retention.total} rated Hard, Good or Easy.
        </p>
      )}
      <table className="stats-table">
        <caption>Retention by type</caption>
        <thead>
          <tr>
            <th scope="col">Right answer</th>
            <th scope="col">Reviews</th>
            <th scope="col">Passed</th>
            <th scope="col">Retention</th>
          </tr>
        </thead>
        <tbody>
          {SERVICE_TYPES.map((type) => {
            const r = perType[type];
            return (
              <tr key={type}>
                <th scope="row">{type}</th>
                <td>{r.total}</td>
                <td>{r.passed}</td>
                <td>
                  <span className="bar-cell">
                    <span className="bar" aria-hidden="true">
                      <span
                        style={{ width: r.total === 0 ? 0 : `${(100 * r.passed) / r.total}%` }}
                      />
                    </span>
                    {rate(r)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function ReviewDays({ heatmap }: { heatmap: Stats['heatmap'] }) {
  const weeks = Math.ceil(heatmap.days.length / 7);
  const active = heatmap.days.filter((d) => d.count > 0).reverse();
  return (
    <div className="stats-block">
      <h3>Review days</h3>
      <p>
        Reviews on {plural(heatmap.activeDays, 'day')} of the last {plural(weeks, 'week')},{' '}
        {plural(heatmap.totalReviews, 'review')} in all (flashcards and quiz answers). Current
        streak: {plural(heatmap.currentStreak, 'day')}.
      </p>
      <div className="heatmap-scroll" aria-hidden="true">
        <div className="heatmap-weekdays">
          {WEEKDAYS.map((d, i) => (
            <span key={d}>{i % 2 === 0 ? d : ''}</span>
          ))}
        </div>
        <div className="heatmap" style={{ gridTemplateColumns: `repeat(${weeks}, 0.8rem)` }}>
          {heatmap.days.map((d) => (
            <span
              key={d.date}
              className={`heatmap-day level-${d.level}`}
              title={`${formatDay(d.date)}: ${plural(d.count, 'review')}`}
            />
          ))}
        </div>
      </div>
      <details>
        <summary>Review days as a table</summary>
        {active.length === 0 ? (
          <p>No reviews in these weeks.</p>
        ) : (
          <DayCountTable
            caption="Reviews by day, newest first"
            countLabel="Reviews"
            rows={active.map((d) => ({ key: d.date, day: formatDay(d.date), count: d.count }))}
          />
        )}
      </details>
    </div>
  );
}

/** The text equivalent of a per-day chart: a day and a count on each row. */
function DayCountTable({
  caption,
  countLabel,
  rows,
}: {
  caption: string;
  countLabel: string;
  rows: { key: string; day: string; count: number }[];
}) {
  return (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">{countLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.day}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
