// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QuestionId } from '../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../src/domain/calendar';
import { computeFlashcardStats } from '../../src/domain/flashcard-stats';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type Rating,
  type ReviewLog,
} from '../../src/domain/progress-schema';
import { FlashcardStats } from '../../src/components/FlashcardStats';
import { makeBank, makeQuestion } from '../factories';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 5, 15, 0); // Wednesday 5 March 2025
const bank = makeBank([
  makeQuestion({ id: 'cip', answer: 'ClusterIP' }),
  makeQuestion({ id: 'np', answer: 'NodePort' }),
  makeQuestion({ id: 'fresh', answer: 'ExternalName' }),
]);

/** A date as the component writes it, in the test's locale. */
const day = (iso: string) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

let n = 0;
const log = (questionId: string, rating: Rating, reviewedAt: number): ReviewLog => ({
  id: `log-${++n}`,
  questionId: questionId as QuestionId,
  bankId: 'bundled',
  rating,
  reviewedAt,
  mode: 'classic',
  choice: null,
  durationMs: 1000,
});

function statsFor(reviewLogs: ReviewLog[]) {
  return computeFlashcardStats({
    bank,
    reviewLogs,
    quizResults: [],
    settings: DEFAULT_FLASHCARD_SETTINGS,
    now: NOW,
    calendar: fixedOffsetCalendar(0),
  });
}

describe('FlashcardStats', () => {
  it('gives every chart a sentence and a table with the same numbers', async () => {
    const user = userEvent.setup();
    render(
      <FlashcardStats
        stats={statsFor([
          log('cip', 4, NOW - 20 * DAY),
          log('cip', 3, NOW - DAY), // a review, passed
          log('np', 4, NOW - 20 * DAY),
          log('np', 1, NOW - 2 * DAY), // a review, failed
          log('np', 1, NOW - 60_000), // relearning step, not counted
        ])}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Flashcards' })).toBeVisible();
    expect(screen.getByText('3 cards: 1 new, 1 in learning, 1 learned.')).toBeVisible();

    // Forecast: the relearning card is due today; the other one is over a month away.
    expect(
      screen.getByText(
        `1 due today, 1 in the next 7 days, 1 in the next 30. Busiest day: ${day('2025-03-05')}, with 1.`,
      ),
    ).toBeVisible();
    await user.click(screen.getByText('Due forecast as a table'));
    const forecast = screen.getByRole('table', { name: 'Cards due by day' });
    expect(within(forecast).getAllByRole('row')).toHaveLength(31);
    expect(within(forecast).getByRole('row', { name: 'Today 1' })).toBeVisible();

    // Retention: one of two reviews of learned cards passed.
    expect(screen.getByText('50%')).toBeVisible();
    const perType = screen.getByRole('table', { name: 'Retention by type' });
    expect(
      within(perType)
        .getByRole('row', { name: /^ClusterIP/ })
        .textContent?.replace(/\s+/g, ' '),
    ).toBe('ClusterIP11100%');
    expect(within(perType).getByRole('row', { name: /^NodePort/ })).toHaveTextContent(
      'NodePort100%',
    );
    expect(within(perType).getByRole('row', { name: /^LoadBalancer/ })).toHaveTextContent('—');

    // Review days: 20 days ago, 2 days ago, yesterday and today.
    expect(
      screen.getByText(/^Reviews on 4 days of the last 26 weeks, 5 reviews in all/),
    ).toBeVisible();
    expect(screen.getByText(/Current streak: 3 days\.$/)).toBeVisible();
    await user.click(screen.getByText('Review days as a table'));
    const days = screen.getByRole('table', { name: 'Reviews by day, newest first' });
    expect(
      within(days)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'DayReviews',
      `${day('2025-03-05')}1`,
      `${day('2025-03-04')}1`,
      `${day('2025-03-03')}1`,
      `${day('2025-02-13')}2`,
    ]);
  });

  it('says so when there is nothing to show yet', () => {
    render(<FlashcardStats stats={statsFor([])} />);
    expect(screen.getByText(/^No reviews of learned cards yet/)).toBeVisible();
    expect(
      screen.getByText(/^0 due today, 0 in the next 7 days, 0 in the next 30\.$/),
    ).toBeVisible();
    expect(screen.getByText(/^Reviews on 0 days/)).toBeVisible();
  });
});
