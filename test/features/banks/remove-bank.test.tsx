// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RemoveBank } from '../../../src/features/banks/RemoveBank';

type Counts = { quizResults: number; reviewLogs: number };

function renderRemove(progress: () => Promise<Counts>) {
  const onRemove = vi.fn();
  render(<RemoveBank title="Drills" progress={progress} onCancel={vi.fn()} onRemove={onRemove} />);
  return { onRemove, user: userEvent.setup() };
}

describe('the remove question', () => {
  it('says how much progress would go, and removes it only when ticked', async () => {
    const { onRemove, user } = renderRemove(async () => ({ quizResults: 1, reviewLogs: 3 }));
    expect(screen.getByText(/Remove “Drills” from this browser\?/).closest('p')).toHaveFocus();
    const box = await screen.findByRole('checkbox', {
      name: /Also remove my progress in it \(1 quiz result, 3 flashcard reviews\)/,
    });
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Remove bank and progress' }));
    expect(onRemove).toHaveBeenCalledWith({ progress: true });
  });

  it('offers no box when the bank has no progress', async () => {
    renderRemove(async () => ({ quizResults: 0, reviewLogs: 0 }));
    // The box is there while counting, and goes once the count is known.
    expect(screen.getByRole('checkbox')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('checkbox')).toBeNull());
    expect(screen.getByRole('button', { name: 'Remove bank' })).toBeEnabled();
  });

  it('still offers the choice, and says so, when the progress cannot be counted', async () => {
    const { onRemove, user } = renderRemove(() =>
      Promise.reject(new Error('The database connection is closing.')),
    );
    expect(
      await screen.findByRole('checkbox', {
        name: /Also remove my progress in it \(how much there is could not be read\)/,
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove bank' }));
    expect(onRemove).toHaveBeenCalledWith({ progress: false });
  });
});
