// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { renderApp } from './render-app';

describe('routes', () => {
  it('home explains the app and links to every mode', async () => {
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kube Service Trainer' }),
    ).toBeVisible();
    expect(screen.getByText(/Learn to choose the right Kubernetes Service type/)).toBeVisible();
    for (const name of ['Quiz', 'Flashcards', 'Progress', 'Team session', 'Question banks'])
      expect(screen.getByRole('link', { name })).toBeVisible();
  });

  it.each([
    ['/quiz', 'Quiz'],
    ['/flashcards', 'Flashcards'],
    ['/progress', 'Progress'],
    ['/team', 'Team session'],
    ['/banks', 'Question banks'],
    ['/join/ABC123', 'Join a session'],
    ['/join/K8SABC', 'Join a session'],
    ['/team/host/K8SABC', 'Host a session'],
  ])('%s renders its page', async (path, heading) => {
    renderApp(path);
    // A lazy page's first import is transformed on demand in tests: allow for a busy machine.
    expect(
      await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5_000 }),
    ).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  it('the join page explains a code from the link that cannot be a join code', async () => {
    renderApp('/join/K8S42');
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      '“K8S42” is not a join code',
    );
    expect(screen.getByRole('textbox', { name: 'Join code' })).toBeVisible();
  });

  it('a valid join link prefills the code', async () => {
    renderApp('/join/k8sabc');
    expect(
      await screen.findByRole('textbox', { name: 'Join code' }, { timeout: 5_000 }),
    ).toHaveValue('K8SABC');
  });

  it('the host page of a session this browser did not create says it cannot host it', async () => {
    renderApp('/team/host/K8SABC');
    expect(await screen.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      'This browser does not hold the host key for session K8SABC',
    );
  });

  it('an unknown route shows the 404 page with an alert and a way home', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('There is no page at /no/such/page');
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  });

  it('a page that throws shows an alert saying what went wrong, inside the app frame', async () => {
    // React logs the error it caught; keep the output quiet for this test only.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => quiet.mockRestore());
    function Broken(): never {
      throw new Error('kaboom in render');
    }
    renderApp('/broken', <Route path="broken" element={<Broken />} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be shown.');
    expect(alert).toHaveTextContent('Details: kaboom in render');
    expect(screen.getByRole('link', { name: 'Back to home' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Kube Service Trainer' })).toBeVisible();
  });

  it('leaves console.error as it was after the test above silenced it', () => {
    expect(vi.isMockFunction(console.error)).toBe(false);
  });

  it('navigating moves focus to the new page heading and sets the title', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('link', { name: 'Flashcards' }));
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: 'Flashcards' },
      { timeout: 5_000 },
    );
    expect(heading).toHaveFocus();
    expect(document.title).toBe('Flashcards · Kube Service Trainer');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Flashcards' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
