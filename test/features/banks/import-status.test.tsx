// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImportStatus } from '../../../src/features/banks/ImportStatus';
import type { ImportState } from '../../../src/features/banks/useBankImport';

const MB = 1024 * 1024;

function renderStatus(state: ImportState) {
  const onCancel = vi.fn();
  render(
    <ImportStatus
      state={state}
      activeId="builtin"
      onCancel={onCancel}
      onReplace={vi.fn()}
      onKeep={vi.fn()}
      onConfirm={vi.fn()}
      onDecline={vi.fn()}
      onMakeActive={vi.fn()}
      onDownloadJson={vi.fn()}
      onDownloadProblems={vi.fn()}
    />,
  );
  return { onCancel, user: userEvent.setup() };
}

describe('the progress of a load', () => {
  it('shows how much of a known size has arrived, and Stop loading stops it', async () => {
    const { onCancel, user } = renderStatus({
      status: 'running',
      label: 'bank.json',
      progress: { phase: 'reading', loaded: 1.5 * MB, total: 4 * MB },
    });
    const bar = screen.getByRole('progressbar', { name: 'Loading the bank' });
    expect(bar).toHaveAttribute('value', String(1.5 * MB));
    expect(bar).toHaveAttribute('max', String(4 * MB));
    expect(screen.getByText('1.5 of 4.0 MB')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Reading bank.json…');
    await user.click(screen.getByRole('button', { name: 'Stop loading' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('of an unknown size, shows what has arrived and a bar without a value', () => {
    renderStatus({
      status: 'running',
      label: 'https://trainer.example/bank',
      progress: { phase: 'reading', loaded: 2.26 * MB, total: null },
    });
    // An indeterminate bar: no value is claimed that is not known.
    expect(screen.getByRole('progressbar', { name: 'Loading the bank' })).not.toHaveAttribute(
      'value',
    );
    expect(screen.getByText('2.3 MB')).toBeVisible();
  });

  it('says what it does once the reading is done, with no sizes left over', () => {
    renderStatus({ status: 'running', label: 'bank.json', progress: { phase: 'checking' } });
    expect(screen.getByRole('status')).toHaveTextContent('Checking the questions in bank.json…');
    expect(screen.queryByText(/MB$/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop loading' })).toBeEnabled();
  });

  it('after a stop, says nothing was saved and offers no way to stop any more', () => {
    renderStatus({
      status: 'ended',
      label: 'bank.json',
      outcome: { status: 'cancelled' },
      input: { kind: 'text', text: '' },
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading bank.json stopped. Nothing was saved.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop loading' })).toBeNull();
  });
});
