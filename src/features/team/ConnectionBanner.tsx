import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../lib/live-socket';

interface Props {
  connection: ConnectionState;
  /** Whether there is a place in the session to keep (not while a first join is under way). */
  inSession: boolean;
  now: () => number;
  onReconnect: () => void;
}

/**
 * Says when the live connection is down and when it will try again; silent while connected. The
 * region stays in the page, so screen readers hear the change as it happens.
 */
export function ConnectionBanner({ connection, inSession, now, onReconnect }: Props) {
  const waiting = connection.status === 'waiting';
  const [, setFrame] = useState(0);
  useEffect(() => {
    if (!waiting) return;
    const id = window.setInterval(() => setFrame((f) => f + 1), 1000);
    return () => window.clearInterval(id);
  }, [waiting]);

  // Only a reconnect (attempt > 0) is news; the first connection shows its own "Connecting…".
  const reconnecting =
    connection.status === 'waiting' ||
    (connection.status === 'connecting' && connection.attempt > 0);
  const seconds =
    connection.status === 'waiting'
      ? Math.max(0, Math.ceil((connection.retryAt - now()) / 1000))
      : 0;
  return (
    <div className="connection-banner" role="status">
      {reconnecting && (
        <div className="alert alert-warn">
          <p>
            <strong>{inSession ? 'Connection lost.' : 'Cannot reach the session server.'}</strong>{' '}
            {connection.status === 'waiting' && seconds > 0
              ? `Trying again in ${seconds} s.`
              : 'Trying again now…'}
            {inSession && ' Nothing is lost: you keep your place.'}
          </p>
          {connection.status === 'waiting' && (
            <button type="button" className="button secondary small" onClick={onReconnect}>
              Reconnect now
            </button>
          )}
        </div>
      )}
    </div>
  );
}
