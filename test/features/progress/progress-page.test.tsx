// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { buildExport } from '../../../src/domain/progress-export';
import { ProgressPage } from '../../../src/features/progress/ProgressPage';
import { createIdbProgressStore } from '../../../src/lib/idb-progress-store';
import { DAY_MS, fixedOffsetCalendar, type Calendar } from '../../../src/domain/calendar';

const utcCalendar: Calendar = {
  dayOf: (ms) => Math.floor(ms / DAY_MS),
  startOfDay: (day) => day * DAY_MS,
};
import { makeBank, makeQuestion } from '../../factories';
import { makeAnswer, makeResult, makeReview } from '../../factories-progress';

const bank = makeBank([
  makeQuestion({ id: 'a', answer: 'NodePort', tags: ['port-range'] }),
  makeQuestion({ id: 'b', answer: 'LoadBalancer', tags: ['bare-metal'] }),
]);
let n = 0;

/**
 * Renders the page on its own store and returns a second store on the same database: writes made
 * through it arrive as they would from another tab (a quiz finished elsewhere).
 */
function renderPage({ now = Date.UTC(2026, 10, 27, 12), calendar = utcCalendar } = {}) {
  const name = `progress-page-${++n}`;
  const store = createIdbProgressStore(name);
  render(
    <MemoryRouter>
      <ProgressPage
        bank={bank}
        bankId="bundled"
        store={store}
        now={() => now}
        requestPersistence={async () => 'refused'}
        calendar={calendar}
      />
    </MemoryRouter>,
  );
  return createIdbProgressStore(name);
}

const jsonFile = (name: string, data: unknown) =>
  new File([JSON.stringify(data)], name, { type: 'application/json' });

describe('Progress page', () => {
  it('tells a new learner what to do first, and says storage is not guaranteed', async () => {
    renderPage();
    expect(await screen.findByText(/Nothing here yet/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Take a 10-question quiz' })).toHaveAttribute(
      'href',
      '/quiz?count=10&start=1',
    );
    expect(await screen.findByText(/has not promised to keep it/)).toBeVisible();
  });

  it('shows history, mastery and the weak spots from stored quizzes', async () => {
    const otherTab = renderPage();
    await screen.findByText(/Nothing here yet/);
    await otherTab.finishQuiz(
      makeResult(
        'quiz-1',
        [
          makeAnswer('a', 'NodePort', 'NodePort', 1),
          makeAnswer('b', 'LoadBalancer', 'NodePort', 2),
        ],
        5_000_000,
      ),
    );
    expect(await screen.findByText(/2 quiz answers in 1 quiz, 50% right/)).toBeVisible();
    const mastery = screen.getByRole('table', { name: 'Mastery by type' });
    expect(within(mastery).getByRole('columnheader', { name: 'Last 2 answers' })).toBeVisible();
    expect(
      within(within(mastery).getByRole('row', { name: /^LoadBalancer/ })).getAllByRole('cell')[0],
    ).toHaveTextContent('0% (0/1)');
    expect(screen.getByText(/you chose NodePort when LoadBalancer was right \(1×\)/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Practice my weak spots' })).toHaveAttribute(
      'href',
      '/quiz?practice=weak&count=10',
    );
    const history = screen.getByRole('table', { name: 'Quiz history, newest first' });
    expect(within(history).getByText('1 of 2 (50%)')).toBeVisible();
    expect(within(history).getByRole('link', { name: /^Review/ })).toHaveAttribute(
      'href',
      '/quiz?result=quiz-1',
    );
    // Quiz answers count as flashcard reviews too, so the flashcard statistics appear.
    expect(screen.getByRole('heading', { level: 2, name: 'Flashcards' })).toBeVisible();
  });

  it('refuses a damaged import file, naming the problem, and changes nothing', async () => {
    const user = userEvent.setup();
    const otherTab = renderPage();
    await screen.findByText(/Nothing here yet/);
    const file = buildExport(
      { quizResults: [makeResult('x', [])], reviewLogs: [], flashcardSettings: null },
      1,
    ) as Record<string, unknown>;
    (file.quizResults as Record<string, unknown>[])[0]!.kind = 'exam';
    await user.upload(screen.getByLabelText('Import progress'), jsonFile('backup.json', file));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('backup.json cannot be imported; nothing was changed.');
    expect(alert).toHaveTextContent(
      'quizResults[0] (id "x").kind: expected "new" or "retry" or "practice" or "team", got "exam"',
    );
    expect((await otherTab.exportData()).quizResults).toEqual([]);
  });

  it('merges an import, and asks before replacing', async () => {
    const user = userEvent.setup();
    const otherTab = renderPage();
    await screen.findByText(/Nothing here yet/);
    await otherTab.finishQuiz(makeResult('mine', [makeAnswer('a', 'NodePort', 'NodePort', 1)]));
    const file = buildExport(
      {
        quizResults: [
          makeResult('theirs', [makeAnswer('b', 'LoadBalancer', 'LoadBalancer', 2)], 20_000),
        ],
        reviewLogs: [makeReview('r', 'a', 3)],
        flashcardSettings: null,
      },
      1,
    );

    await user.upload(screen.getByLabelText('Import progress'), jsonFile('theirs.json', file));
    expect(
      await screen.findByText(/holds 1 quiz result and 1 flashcard review for bundled/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Imported theirs.json: merged with your progress. A backup was taken first.',
      ),
    );
    await waitFor(async () =>
      expect((await otherTab.exportData()).quizResults.map((r) => r.quizId).sort()).toEqual([
        'mine',
        'theirs',
      ]),
    );

    await user.upload(screen.getByLabelText('Import progress'), jsonFile('theirs.json', file));
    await user.click(await screen.findByRole('radio', { name: /Replace my progress/ }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(
      screen.getByText(/Replace your 2 quiz results and 1 flashcard review with this file\?/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Yes, replace' }));
    await waitFor(async () =>
      expect((await otherTab.exportData()).quizResults.map((r) => r.quizId)).toEqual(['theirs']),
    );
    expect((await otherTab.listBackups()).every((s) => s.reason === 'before-import')).toBe(true);
  });

  it('moves focus to the confirmation and back to the button on Cancel', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByText(/Nothing here yet/);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    expect(screen.getByRole('button', { name: 'Yes, reset' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
  });

  it('resets only after confirmation, keeping a backup that can be restored', async () => {
    const user = userEvent.setup();
    const otherTab = renderPage();
    await screen.findByText(/Nothing here yet/);
    await otherTab.finishQuiz(makeResult('keep-me', [makeAnswer('a', 'NodePort', 'NodePort', 1)]));
    await screen.findByText(/1 quiz answer in 1 quiz/);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    await user.click(screen.getByRole('button', { name: 'Yes, reset' }));
    expect(await screen.findByText(/Nothing here yet/)).toBeVisible();
    expect(screen.getByText(/Before a reset/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.click(screen.getByRole('button', { name: 'Yes, restore' }));
    expect(await screen.findByText(/1 quiz answer in 1 quiz/)).toBeVisible();
  });

  it('names the export file by the learner’s own calendar day', async () => {
    const user = userEvent.setup();
    // 23:30 UTC on 27 November is already 28 November two hours east of UTC.
    renderPage({ now: Date.UTC(2026, 10, 27, 23, 30), calendar: fixedOffsetCalendar(120) });
    await screen.findByText(/Nothing here yet/);
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:progress');
    try {
      await user.click(screen.getByRole('button', { name: 'Export progress' }));
    } finally {
      click.mockRestore();
      createUrl.mockRestore();
    }
    expect(names).toEqual(['kube-service-trainer-progress-2026-11-28.json']);
  });
});
