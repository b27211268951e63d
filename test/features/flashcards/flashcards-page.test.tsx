// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Bank, QuestionId } from '../../../src/domain/bank-schema';
import { fixedOffsetCalendar } from '../../../src/domain/calendar';
import {
  DEFAULT_FLASHCARD_SETTINGS,
  type FlashcardSettings,
  type QuizResult,
} from '../../../src/domain/progress-schema';
import type { ProgressStore } from '../../../src/domain/progress-store';
import { FlashcardsPage } from '../../../src/features/flashcards/FlashcardsPage';
import { createIdbProgressStore } from '../../../src/lib/idb-progress-store';
import { fourTypeBank } from '../../factories';

const bank: Bank = fourTypeBank();
const answers = new Map(bank.questions.map((q) => [q.id as string, q.answer]));
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const T0 = Date.UTC(2025, 2, 3, 9, 0);
const MIN = 60_000;

let dbs = 0;
async function renderFlashcards(
  setup: {
    settings?: Partial<FlashcardSettings>;
    prepare?: (s: ProgressStore) => Promise<void>;
  } = {},
) {
  const store = createIdbProgressStore(`flashcards-page-${++dbs}`);
  if (setup.settings)
    await store.saveFlashcardSettings({ ...DEFAULT_FLASHCARD_SETTINGS, ...setup.settings });
  await setup.prepare?.(store);
  const clock = { t: T0 };
  let ids = 0;
  const utils = render(
    <MemoryRouter initialEntries={['/flashcards']}>
      <FlashcardsPage
        bank={bank}
        bankId="test"
        store={store}
        now={() => clock.t}
        newId={() => `review-${dbs}-${++ids}`}
        calendar={fixedOffsetCalendar(0)}
      />
    </MemoryRouter>,
  );
  await screen.findByText(/ due$/);
  return { store, clock, ...utils };
}

/** The id and right answer of the card on screen. */
function current() {
  const el = document.querySelector('[data-question-id]');
  const id = el?.getAttribute('data-question-id') ?? '';
  return { id, answer: answers.get(id) ?? '', element: el as HTMLElement };
}
const wrongFor = (answer: string) => (answer === 'NodePort' ? 'ClusterIP' : 'NodePort');

describe('Flashcards page', () => {
  it('shows a card, shows its answer, and rates it by click', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards();
    expect(screen.getByText('4 due')).toBeVisible();
    expect(screen.getByText('0 learning · 0 to review · 4 new')).toBeVisible();
    const first = current();
    expect(first.element).toHaveTextContent(
      bank.questions.find((q) => q.id === first.id)!.prompt.replace(/`/g, ''),
    );
    expect(screen.queryByRole('button', { name: 'Good' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    const back = screen.getByRole('region', { name: `Answer: ${first.answer}` });
    expect(back).toHaveFocus();
    expect(back).toHaveTextContent(bank.questions.find((q) => q.id === first.id)!.explanation!);
    const good = screen.getByRole('button', { name: 'Good' });
    expect(good).toHaveAccessibleDescription('Next review in 10 minutes.');
    expect(good).toHaveTextContent('Good · 10m');
    expect(screen.getByRole('button', { name: 'Again' })).toHaveTextContent('1m');
    expect(screen.getByRole('button', { name: 'Hard' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Easy' })).toBeVisible();

    await user.click(good);
    expect(await screen.findByText('3 due')).toBeVisible();
    expect(current().id).not.toBe(first.id);
    expect(current().element).toHaveFocus();
    const logs = await store.listReviewLogs();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      questionId: first.id,
      rating: 3,
      reviewedAt: T0,
      mode: 'classic',
      choice: null,
      bankId: 'test',
    });
  });

  it('rates with the keyboard: Space shows the answer, 1–4 rate', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards();
    const seen: string[] = [];
    for (const key of ['1', '2', '3', '4']) {
      seen.push(current().id);
      await user.keyboard(' ');
      expect(screen.getByRole('button', { name: 'Again' })).toBeVisible();
      await user.keyboard(key);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Again' })).toBeNull());
    }
    expect(new Set(seen).size).toBe(4);
    const logs = await store.listReviewLogs();
    expect(logs.map((l) => [l.questionId, l.rating])).toEqual(seen.map((id, i) => [id, i + 1]));
    // Three cards are in learning steps of 1 to 10 minutes: with nothing else due they come back
    // early, soonest first (the one rated Again); Easy sent the fourth one days away.
    expect(screen.getByText('3 due')).toBeVisible();
    expect(current().id).toBe(seen[0]);
  });

  it('does not act on keys typed into a form field', async () => {
    const user = userEvent.setup();
    await renderFlashcards();
    await user.click(screen.getByText('Settings'));
    const limit = screen.getByRole('spinbutton', { name: 'New cards per day' });
    await user.clear(limit);
    await user.type(limit, ' 3');
    expect(screen.queryByRole('button', { name: 'Again' })).toBeNull();
    expect(limit).toHaveValue(3);
  });

  it('choose first: a wrong pick pre-selects Again, which Enter confirms', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards({ settings: { mode: 'choose-first' } });
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeVisible();
    const first = current();
    await user.click(screen.getByRole('button', { name: wrongFor(first.answer) }));
    expect(screen.getByText(`Incorrect — you picked ${wrongFor(first.answer)}`)).toBeVisible();
    expect(screen.getByRole('region', { name: `Answer: ${first.answer}` })).toBeVisible();
    for (const name of TYPES) expect(screen.getByRole('button', { name })).toBeDisabled();
    const again = screen.getByRole('button', { name: 'Again' });
    expect(again).toHaveFocus();
    expect(again).toHaveClass('suggested');
    // Focus lands on the suggestion, whose description also says what happened.
    expect(again).toHaveAccessibleDescription(
      `Incorrect — you picked ${wrongFor(first.answer)} Answer: ${first.answer} Suggested. Next review in 1 minute.`,
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByText('3 due')).toBeVisible();
    const [log] = await store.listReviewLogs();
    expect(log).toMatchObject({
      questionId: first.id,
      rating: 1,
      mode: 'choose-first',
      choice: wrongFor(first.answer),
    });
  });

  it('choose first: a right pick (by key) pre-selects Good, and another rating can be chosen', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards({ settings: { mode: 'choose-first' } });
    const first = current();
    await user.keyboard(String(TYPES.indexOf(first.answer) + 1));
    expect(screen.getByText('Correct')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Good' })).toHaveFocus();
    expect(screen.getByText(/Suggested:/)).toHaveTextContent('Suggested: Good.');
    await user.click(screen.getByRole('button', { name: 'Easy' }));
    await waitFor(async () => expect(await store.listReviewLogs()).toHaveLength(1));
    const [log] = await store.listReviewLogs();
    expect(log).toMatchObject({ rating: 4, choice: first.answer });
  });

  it('shows Nothing due with when the next card is, and offers to study ahead or run a quiz', async () => {
    const user = userEvent.setup();
    await renderFlashcards({ settings: { dailyNewLimit: 1 } });
    expect(screen.getByText('1 due')).toBeVisible();
    await user.keyboard(' ');
    await user.keyboard('4');
    expect(await screen.findByText('Nothing due')).toBeVisible();
    expect(screen.getByText('Next card due tomorrow.')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'You are done for now' })).toBeVisible();
    expect(screen.getByText(/met today’s limit of 1 new card; 3 more wait/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Run a quiz' })).toHaveAttribute('href', '/quiz');
    expect(document.querySelector('[data-question-id]')).toBeNull();

    const summary = screen.getByRole('region', { name: 'Session summary' });
    expect(within(summary).getByText('1 review of 1 card')).toBeVisible();
    expect(within(summary).getByText('0 (0%)')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Study ahead' }));
    expect(current().id).not.toBe('');
    expect(screen.getByText('Studying ahead: these cards are not due yet.')).toBeVisible();
  });

  it('undo takes back the last rating and shows that card again', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards();
    const first = current().id;
    await user.keyboard(' ');
    await user.keyboard('3');
    await screen.findByText('3 due');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('4 due')).toBeVisible();
    expect(current().id).toBe(first);
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeVisible();
    expect(await store.listReviewLogs()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('counts quiz answers as reviews: a wrong answer is due again first', async () => {
    const result: QuizResult = {
      quizId: 'quiz-1',
      bankId: 'test',
      bankTitle: 'Test bank',
      settings: {
        count: 1,
        types: ['NodePort'],
        difficulties: [2],
        feedback: 'each',
        timerSeconds: null,
        confidence: false,
      },
      seed: 's',
      kind: 'new',
      startedAt: T0 - 5 * MIN,
      finishedAt: T0 - 4 * MIN,
      answers: [
        {
          questionId: 'q-np' as QuestionId,
          answer: 'NodePort',
          choice: 'ClusterIP',
          correct: false,
          confidence: null,
          timeMs: 4000,
          answeredAt: T0 - 4 * MIN,
        },
      ],
    };
    await renderFlashcards({ prepare: (s) => s.finishQuiz(result) });
    expect(screen.getByText('4 due')).toBeVisible();
    expect(screen.getByText('1 learning · 0 to review · 3 new')).toBeVisible();
    expect(current().id).toBe('q-np');
  });

  it('filters by answer type and by a tag that does not give the answer away', async () => {
    const user = userEvent.setup();
    await renderFlashcards();
    await user.click(screen.getByText('Filter cards'));
    for (const type of ['ClusterIP', 'LoadBalancer', 'ExternalName'])
      await user.click(screen.getByRole('checkbox', { name: type }));
    expect(screen.getByText('1 due')).toBeVisible();
    expect(current().id).toBe('q-np');
    await user.click(screen.getByRole('checkbox', { name: 'ExternalName' }));
    const tag = screen.getByRole('combobox', { name: 'Tag' });
    // Each of these tags is on one type's questions only, so it would name the answer.
    expect(
      within(tag)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All tags', 'dns (2)']);
    await user.selectOptions(tag, 'dns (2)');
    expect(screen.getByText('1 due')).toBeVisible();
    expect(current().id).toBe('q-en');
  });

  it('saves settings and reschedules with them', async () => {
    const user = userEvent.setup();
    const { store } = await renderFlashcards();
    await user.click(screen.getByText('Settings'));
    const limit = screen.getByRole('spinbutton', { name: 'New cards per day' });
    await user.clear(limit);
    await user.type(limit, '2');
    await user.click(screen.getByRole('radio', { name: /Choose the type first/ }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('2 due')).toBeVisible();
    expect(await store.loadFlashcardSettings()).toEqual({
      ...DEFAULT_FLASHCARD_SETTINGS,
      dailyNewLimit: 2,
      mode: 'choose-first',
    });
    expect(screen.getByRole('group', { name: 'Answers' })).toBeVisible();

    const retention = screen.getByRole('spinbutton', { name: 'Desired retention (%)' });
    // The form's limits are the stored settings' own (progress-schema.ts).
    expect(retention).toHaveAttribute('min', '70');
    expect(retention).toHaveAttribute('max', '99');
    expect(retention).toHaveAccessibleDescription(/^70 to 99\./);
    expect(screen.getByRole('spinbutton', { name: 'Maximum interval (days)' })).toHaveAttribute(
      'max',
      '36500',
    );
    await user.clear(retention);
    await user.type(retention, '50');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(retention).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Fix the settings marked above, then save again.')).toBeVisible();
  });

  it('ends a session with a summary and keeps studying after it', async () => {
    const user = userEvent.setup();
    const { clock } = await renderFlashcards();
    await user.keyboard(' ');
    clock.t += 12_000;
    await user.keyboard('1');
    await screen.findByText('3 due');
    await user.keyboard(' ');
    clock.t += 8_000;
    await user.keyboard('3');
    await screen.findByText('2 due');
    await user.click(screen.getByRole('button', { name: 'End session' }));
    const summary = screen.getByRole('region', { name: 'Session summary' });
    expect(within(summary).getByText('2 reviews of 2 cards')).toBeVisible();
    expect(within(summary).getByText('1 (50%)')).toBeVisible();
    expect(within(summary).getByText('20 s')).toBeVisible();
    expect(within(summary).getByText('2 cards, and up to 2 new')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Keep studying' }));
    expect(screen.getByRole('button', { name: 'Show answer' })).toBeVisible();
  });
});
