// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { bankNames, fixture, renderBanksPage } from './render-banks-page';

const renderPage = () => renderBanksPage();

async function paste(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByText('Paste a bank instead'));
  const box = screen.getByRole('textbox', { name: 'Bank text (JSON or CSV)' });
  fireEvent.change(box, { target: { value: text } });
  await user.click(screen.getByRole('button', { name: 'Check and add' }));
}

describe('/banks', () => {
  it('lists the built-in bank as active, with its count per type', async () => {
    renderPage();
    expect(await screen.findByRole('radio', { name: 'Kubernetes Services' })).toBeChecked();
    expect(
      screen.getByText(/1 ClusterIP · 1 NodePort · 1 LoadBalancer · 1 ExternalName/),
    ).toBeVisible();
  });

  it('a file with problems lists each in an alert, and the list does not change', async () => {
    const { library } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    // jsdom's File cannot be streamed; Node's can, as a browser's can.
    const file = new NodeFile([fixture('broken/duplicate-ids.json')], 'dupes.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByLabelText('Bank file (JSON or CSV)'), {
      target: { files: [file] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dupes.json cannot be used: 1 problem.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['questions[2] (id "same").id: duplicate id; questions[0] already uses "same"']);
    expect(bankNames()).toEqual(['Kubernetes Services']);
    expect((await library.list()).entries).toEqual([]);
  });

  it('a clean bank is added, announced and can be made active', async () => {
    const { user, onActiveChange } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    await paste(user, fixture('minimal.json'));
    expect(await screen.findByText(/Added “Minimal drills”: 4 questions/)).toBeVisible();
    expect(await screen.findByRole('radio', { name: 'Minimal drills' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Use it for Quiz and Flashcards' }));
    expect(screen.getByRole('radio', { name: 'Minimal drills' })).toBeChecked();
    expect(onActiveChange).toHaveBeenLastCalledWith(
      expect.stringMatching(/^custom-minimal-drills-/),
    );
  });

  it('a pasted CSV is converted and offered as JSON', async () => {
    const { user, exportBank } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    await paste(user, fixture('good.csv'));
    expect(await screen.findByText(/converted from CSV/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Download it as JSON' }));
    expect(exportBank).toHaveBeenCalledWith(expect.stringMatching(/^custom-pasted-bank-/), 'json');
  });

  it('a bank whose title is stored asks first: keep leaves it, replace stores the new one', async () => {
    const { user, library } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    await paste(user, fixture('minimal.json'));
    await screen.findByRole('radio', { name: 'Minimal drills' });
    const bank = JSON.parse(fixture('minimal.json')) as { questions: unknown[] };
    const shorter = JSON.stringify({ ...bank, questions: bank.questions.slice(0, 3) });
    const ask = async () => {
      fireEvent.change(screen.getByRole('textbox', { name: 'Bank text (JSON or CSV)' }), {
        target: { value: shorter },
      });
      await user.click(screen.getByRole('button', { name: 'Check and add' }));
      const question = (await screen.findByText(/^You already have a bank titled/)).closest('div');
      expect(question).toHaveTextContent(
        'You already have a bank titled “Minimal drills” (4 questions). Replace it with the one in the pasted text (3 questions)?',
      );
      // The question is what the learner answers next: it has the focus.
      expect(question).toHaveFocus();
    };

    await ask();
    await user.click(screen.getByRole('button', { name: 'Keep the one I have' }));
    expect(screen.queryByText(/^You already have a bank titled/)).toBeNull();
    expect((await library.list()).entries).toMatchObject([{ questions: 4 }]);

    await ask();
    await user.click(screen.getByRole('button', { name: 'Replace it' }));
    expect(await screen.findByText(/^Replaced “Minimal drills”: 3 questions/)).toBeVisible();
    expect((await library.list()).entries).toMatchObject([{ questions: 3 }]);
  });

  it('removing a bank asks first, and keeps its progress unless that box is ticked', async () => {
    const { user, library, removeProgress } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    await paste(user, fixture('minimal.json'));
    await screen.findByRole('radio', { name: 'Minimal drills' });
    await user.click(screen.getByRole('button', { name: /^Remove… ?“Minimal drills”$/ }));
    const question = screen.getByRole('group', { name: /Remove “Minimal drills”/ });
    expect((await library.list()).entries).toHaveLength(1);
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('radio', { name: 'Minimal drills' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Remove… ?“Minimal drills”$/ }));
    await user.click(screen.getByRole('button', { name: 'Remove bank' }));
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'Minimal drills' })).toBeNull());
    expect(removeProgress).not.toHaveBeenCalled();
    expect(screen.getByText(/your progress in it is kept/)).toBeVisible();

    await paste(user, fixture('minimal.json'));
    await screen.findByRole('radio', { name: 'Minimal drills' });
    await user.click(screen.getByRole('button', { name: /^Remove… ?“Minimal drills”$/ }));
    await user.click(screen.getByRole('checkbox', { name: /Also remove my progress in it/ }));
    await user.click(screen.getByRole('button', { name: 'Remove bank and progress' }));
    await waitFor(() =>
      expect(removeProgress).toHaveBeenCalledWith(expect.stringMatching(/^custom-minimal-drills-/)),
    );
    expect((await library.list()).entries).toEqual([]);
  });

  it('a file dropped on the page is checked like a picked one', async () => {
    const { library } = renderPage();
    await screen.findByRole('radio', { name: 'Kubernetes Services' });
    const file = new NodeFile([fixture('minimal.json')], 'minimal.json', {
      type: 'application/json',
    });
    const zone = screen.getByLabelText('Bank file (JSON or CSV)').closest('.drop-zone')!;
    fireEvent.dragOver(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    expect(await screen.findByRole('radio', { name: 'Minimal drills' })).toBeInTheDocument();
    expect((await library.list()).entries).toHaveLength(1);
  });
});
