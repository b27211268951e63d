// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../../src/domain/bank-schema';
import type { ProgressStore } from '../../../src/domain/progress-store';
import { QuizPage } from '../../../src/features/quiz/QuizPage';
import { createIdbProgressStore } from '../../../src/lib/idb-progress-store';
import { fourTypeBank } from '../../factories';

const bank: Bank = fourTypeBank();
const answers = new Map(bank.questions.map((q) => [q.id as string, q.answer]));

let dbs = 0;
function renderQuiz(path: string) {
  const store = createIdbProgressStore(`quiz-page-${++dbs}`);
  let t = 1_000_000;
  const utils = render(
    <MemoryRouter initialEntries={[path]}>
      <QuizPage
        bank={bank}
        bankId="test"
        store={store}
        now={() => (t += 1000)}
        newSeed={() => 'fixed-seed'}
        newId={() => `id-${dbs}-${t}`}
      />
    </MemoryRouter>,
  );
  return { store, ...utils };
}

/** The id and right answer of the question on screen. */
function current() {
  const el = document.querySelector('[data-question-id]');
  const id = el?.getAttribute('data-question-id') ?? '';
  return { id, answer: answers.get(id) ?? 'ClusterIP' };
}
const wrongFor = (answer: string) => (answer === 'NodePort' ? 'ClusterIP' : 'NodePort');

describe('Quiz page', () => {
  it('starts from a link and answers by click with feedback, disabled buttons and next', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz?count=4&seed=abc&start=1');
    expect(await screen.findByText('Question 1 of 4')).toBeVisible();
    const { answer } = current();
    await user.click(screen.getByRole('button', { name: answer }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/^Correct/);
    expect(status).toHaveFocus();
    for (const name of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
      expect(screen.getByRole('button', { name })).toBeDisabled();
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    expect(await screen.findByText('Question 2 of 4')).toBeVisible();
  });

  it('renders Markdown in the prompt, and the question element still contains the prompt as written', async () => {
    renderQuiz('/quiz?count=1&types=ClusterIP&start=1');
    await screen.findByText('Question 1 of 1');
    const card = document.querySelector('[data-question-id="q-cip"]');
    expect(card?.querySelector('code')).toHaveTextContent('orders');
    expect(card).toHaveTextContent('Pods call the `orders` API internally.');
  });

  it('answers with keys 1–4 and Enter, and says why the wrong pick does not fit', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz?count=4&seed=abc&start=1');
    await screen.findByText('Question 1 of 4');
    const { answer } = current();
    const wrong = wrongFor(answer);
    await user.keyboard(
      String(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].indexOf(wrong) + 1),
    );
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(new RegExp(`^Incorrect — the answer is ${answer}`));
    expect(within(status).getByRole('heading', { name: `Why not ${wrong}?` })).toBeVisible();
    expect(within(status).getByRole('link', { name: /Service/ })).toHaveAttribute(
      'href',
      'https://kubernetes.io/docs/concepts/services-networking/service/',
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Question 2 of 4')).toBeVisible();
  });

  it('shows results with score, per-type accuracy and the confusion matrix, then retries the mistakes', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz?count=4&seed=abc&start=1');
    await screen.findByText('Question 1 of 4');
    const missed: string[] = [];
    for (let i = 0; i < 4; i++) {
      // The next question shows once the move to it is saved: wait for it, as a learner would.
      await screen.findByText(`Question ${i + 1} of 4`);
      const { id, answer } = current();
      const pick = i % 2 === 0 ? answer : wrongFor(answer);
      if (pick !== answer) missed.push(id);
      await user.click(screen.getByRole('button', { name: pick }));
      await user.click(
        await screen.findByRole('button', { name: i === 3 ? 'See results' : 'Next question' }),
      );
    }
    expect(await screen.findByRole('heading', { name: 'Results' })).toHaveFocus();
    expect(screen.getByText('You scored 2 of 4')).toBeVisible();
    const matrix = screen.getByRole('table', { name: 'Confusion matrix' });
    const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    const rows = types.map((type) =>
      within(within(matrix).getByRole('row', { name: new RegExp(`^${type}`) }))
        .getAllByRole('cell')
        .map((c) => Number(c.textContent)),
    );
    // Each type was asked once: every row sums to 1, and the diagonal holds the 2 right answers.
    expect(rows.map((r) => r.reduce((a, b) => a + b, 0))).toEqual([1, 1, 1, 1]);
    expect(rows.reduce((sum, r, i) => sum + (r[i] ?? 0), 0)).toBe(2);
    const byType = screen.getByRole('table', { name: 'Accuracy by type' });
    const correctColumn = within(byType)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(within(row).getAllByRole('cell')[1]?.textContent));
    expect(correctColumn.reduce((a, b) => a + b, 0)).toBe(2);

    const review = screen.getByRole('list', { name: 'Reviewed questions' });
    expect(within(review).getAllByRole('listitem')).toHaveLength(4);
    await user.click(screen.getByRole('radio', { name: /Only mistakes/ }));
    expect(within(review).getAllByRole('listitem')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Retry mistakes' }));
    expect(await screen.findByText('Question 1 of 2')).toBeVisible();
    expect(missed).toContain(current().id);
  });

  it('resumes an unfinished quiz at the same question after a remount (reload)', async () => {
    const user = userEvent.setup();
    const first = renderQuiz('/quiz?count=4&seed=abc&start=1');
    await screen.findByText('Question 1 of 4');
    await user.click(screen.getByRole('button', { name: current().answer }));
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    await screen.findByText('Question 2 of 4');
    const id = current().id;
    first.unmount();

    render(
      <MemoryRouter initialEntries={['/quiz']}>
        <QuizPage
          bank={bank}
          bankId="test"
          store={first.store}
          now={() => 5_000_000}
          newSeed={() => 'other'}
          newId={() => 'other'}
        />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Question 2 of 4')).toBeVisible();
    expect(current().id).toBe(id);
  });

  it('asks before a link replaces an unfinished quiz, and can resume it or start the new one', async () => {
    const user = userEvent.setup();
    const first = renderQuiz('/quiz?count=4&seed=abc&start=1');
    await screen.findByText('Question 1 of 4');
    await user.click(screen.getByRole('button', { name: current().answer }));
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    await screen.findByText('Question 2 of 4');
    first.unmount();

    const again = () =>
      render(
        <MemoryRouter initialEntries={['/quiz?count=2&seed=other&start=1']}>
          <QuizPage
            bank={bank}
            bankId="test"
            store={first.store}
            now={() => 9_000_000}
            newSeed={() => 'x'}
            newId={() => `n-${Math.random()}`}
          />
        </MemoryRouter>,
      );
    const second = again();
    expect(
      await screen.findByRole('heading', { name: 'You have an unfinished quiz' }),
    ).toBeVisible();
    expect(screen.getByText(/You were at question 2 of 4, with 1 answered/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Resume the unfinished quiz' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Resume the unfinished quiz' }));
    expect(await screen.findByText('Question 2 of 4')).toBeVisible();
    second.unmount();

    again();
    await user.click(await screen.findByRole('button', { name: 'Start the new quiz' }));
    expect(await screen.findByText('Question 1 of 2')).toBeVisible();
  });

  it('shows a bad link parameter in an alert beside a working setup form', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz?count=zero&start=1');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'count must be a whole number from 1 to 500, or "all"; got "zero".',
    );
    await user.click(await screen.findByRole('radio', { name: '5' }));
    await user.click(screen.getByRole('button', { name: 'Start quiz' }));
    expect(await screen.findByText('Question 1 of 4')).toBeVisible();
  });

  it('asks how sure I am before the feedback when that option is on', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz?count=4&seed=abc&confidence=1&start=1');
    await screen.findByText('Question 1 of 4');
    await user.click(screen.getByRole('button', { name: wrongFor(current().answer) }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: 'Sure' })).toHaveFocus();
    await user.keyboard('s');
    expect(await screen.findByRole('status')).toHaveTextContent('(you were sure)');
  });

  it('records the finished quiz in history', async () => {
    const user = userEvent.setup();
    const { store } = renderQuiz('/quiz?count=4&seed=abc&start=1');
    await screen.findByText('Question 1 of 4');
    for (let i = 0; i < 4; i++) {
      await screen.findByText(`Question ${i + 1} of 4`);
      await user.click(screen.getByRole('button', { name: current().answer }));
      await screen.findByRole('status');
      await user.keyboard('{Enter}');
    }
    await screen.findByRole('heading', { name: 'Results' });
    await waitFor(async () => expect(await store.listQuizResults()).toHaveLength(1));
    const [saved] = await store.listQuizResults();
    expect(saved).toMatchObject({ bankId: 'test', seed: 'abc', kind: 'new' });
    expect(saved?.answers.every((a) => a.correct)).toBe(true);
  });

  it('says when an answer could not be saved, and saves it when asked to try again', async () => {
    const user = userEvent.setup();
    const store = createIdbProgressStore(`quiz-page-${++dbs}`);
    let full = false;
    const flaky: ProgressStore = {
      ...store,
      saveActiveQuiz: (quiz) =>
        full ? Promise.reject(new Error('QuotaExceededError')) : store.saveActiveQuiz(quiz),
    };
    render(
      <MemoryRouter initialEntries={['/quiz?count=4&seed=abc&start=1']}>
        <QuizPage
          bank={bank}
          bankId="test"
          store={flaky}
          now={() => 2_000_000}
          newSeed={() => 's'}
          newId={() => 'flaky-quiz'}
        />
      </MemoryRouter>,
    );
    await screen.findByText('Question 1 of 4');
    full = true;
    await user.click(screen.getByRole('button', { name: current().answer }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your last answer could not be saved (QuotaExceededError). Nothing is lost',
    );
    expect(screen.getByText('Not saved yet')).toBeVisible();
    full = false;
    await user.click(within(alert).getByRole('button', { name: 'Try saving again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByText('Answer saved')).toBeVisible();
    expect((await store.loadActiveQuiz('test')).quiz?.answers).toHaveLength(1);
  });
});
