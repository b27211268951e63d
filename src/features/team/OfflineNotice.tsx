import { useOnline } from '../../components/useOnline';

interface Props {
  /** What the person was doing: the text says what comes back when the device is online. */
  context: 'start' | 'session';
}

/**
 * Live sessions need the server, unlike the rest of the app (which works offline once loaded).
 * The region stays in the page, so screen readers hear it when the connection goes or comes back.
 */
export function OfflineNotice({ context }: Props) {
  const online = useOnline();
  return (
    <div className="offline-notice" role="status">
      {!online && (
        <div className="alert alert-warn">
          <p>
            <strong>You are offline.</strong>{' '}
            {context === 'start'
              ? 'Hosting or joining a live session needs a connection to the session server. It works again as soon as this device is back online.'
              : 'A live session needs the session server: this page reconnects by itself when the device is back online, and you keep your place.'}{' '}
            Quiz, flashcards and progress work offline.
          </p>
        </div>
      )}
    </div>
  );
}
