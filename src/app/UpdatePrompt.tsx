import { useSyncExternalStore } from 'react';
import type { AppUpdates, UpdateStatus } from '../lib/app-updates';

const none = (): UpdateStatus => 'none';

/** Offers a new version of the app; it never reloads on its own. */
export function UpdatePrompt({ updates }: { updates: AppUpdates }) {
  const status = useSyncExternalStore(updates.subscribe, updates.getState, none);
  if (status === 'none' || status === 'dismissed') return null;
  return (
    <div role="alert" className="update-prompt">
      {status === 'updating' ? (
        // Activation can take a moment (or stall): say so, and Reload stays to press again.
        <p>
          <strong>Updating…</strong> The new version is taking over; the page reloads by itself.
        </p>
      ) : (
        <p>
          <strong>Update available.</strong> A new version of Kube Service Trainer is ready. Your
          progress is saved: reload when it suits you.
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={updates.update}>
          Reload
        </button>
        <button type="button" className="button secondary" onClick={updates.dismiss}>
          Later
        </button>
      </div>
    </div>
  );
}
