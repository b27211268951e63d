// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UpdatePrompt } from '../../src/app/UpdatePrompt';
import { createAppUpdates } from '../../src/lib/app-updates';

function setup() {
  let reloads = 0;
  let skipRequests = 0;
  const listeners: Record<string, () => void> = {};
  const updates = createAppUpdates(() => void reloads++);
  updates.connect({
    onWaiting: (listener) => void (listeners.waiting = listener),
    onControlling: (listener) => void (listeners.controlling = listener),
    activateWaiting: async () => void skipRequests++,
  });
  render(<UpdatePrompt updates={updates} />);
  return {
    fire: (type: 'waiting' | 'controlling') => act(() => listeners[type]!()),
    reloads: () => reloads,
    skipRequests: () => skipRequests,
    user: userEvent.setup(),
  };
}

describe('update prompt', () => {
  it('shows nothing until a new version waits, then says so with Reload and Later', () => {
    const t = setup();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    t.fire('waiting');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Update available\./);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Later' })).toBeEnabled();
    expect(t.reloads()).toBe(0);
  });

  it('Reload hands over to the new version and reloads once it is active', async () => {
    const t = setup();
    t.fire('waiting');
    await t.user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(t.skipRequests()).toBe(1);
    expect(t.reloads()).toBe(1);
  });

  it('says it is updating while the new version takes over, even once it controls the page', async () => {
    let activate = () => {};
    const listeners: Record<string, () => void> = {};
    const updates = createAppUpdates(() => {});
    updates.connect({
      onWaiting: (listener) => void (listeners.waiting = listener),
      onControlling: (listener) => void (listeners.controlling = listener),
      activateWaiting: () => new Promise<void>((resolve) => (activate = resolve)),
    });
    render(<UpdatePrompt updates={updates} />);
    act(() => listeners.waiting!());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^Updating…/);
    // This page asked for it: taking control is no new offer, the reload follows activation.
    act(() => listeners.controlling!());
    expect(screen.getByRole('alert')).toHaveTextContent(/^Updating…/);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeEnabled();
    activate();
  });

  it('Later puts the prompt away without updating', async () => {
    const t = setup();
    t.fire('waiting');
    await t.user.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(t.skipRequests()).toBe(0);
    expect(t.reloads()).toBe(0);
  });
});
