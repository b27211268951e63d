// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamPage } from '../../../src/features/team/TeamPage';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

function renderTeam() {
  render(
    <MemoryRouter>
      <TeamPage
        banks={null}
        bankProblem={null}
        newSeed={() => 'seed'}
        createSession={() => new Promise(() => {})}
        onHosted={() => {}}
        onJoin={() => {}}
      />
    </MemoryRouter>,
  );
}

const offlineText = /You are offline\. Hosting or joining a live session needs a connection/;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('team page offline', () => {
  it('says nothing while online', () => {
    renderTeam();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says a live session needs the server when the connection goes, and clears when it returns', () => {
    renderTeam();
    // The live region is in the page before it speaks, so screen readers announce the change.
    const status = screen.getByRole('status');
    setOnline(false);
    expect(status).toHaveTextContent(offlineText);
    expect(status).toHaveTextContent('Quiz, flashcards and progress work offline.');
    setOnline(true);
    expect(status).toBeEmptyDOMElement();
  });

  it('says so from the start when the page opens offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderTeam();
    expect(screen.getByRole('status')).toHaveTextContent(offlineText);
  });
});
