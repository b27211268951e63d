import { PageHeading } from '../components/PageHeading';

/** Shown instead of a blank page when a page fails to load or throws while rendering. */
export function ErrorPage({ error }: { error: Error }) {
  const chunkFailed = /dynamically imported module|Importing a module script failed/i.test(
    error.message,
  );
  return (
    <section className="page">
      <PageHeading>Something went wrong</PageHeading>
      <div role="alert" className="alert alert-error">
        <p>
          <strong>This page could not be shown.</strong>{' '}
          {chunkFailed
            ? 'Part of the app could not be downloaded: the app may have been updated, or the connection dropped. Reload the page to continue.'
            : 'Your saved progress is not affected. Go back to the home page, or reload to try again.'}
        </p>
        <p className="error-detail">Details: {error.message}</p>
      </div>
      <p className="actions">
        {/* A full page load, so whatever broke starts afresh. */}
        <a className="button" href="/">
          Back to home
        </a>
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          Reload page
        </button>
      </p>
    </section>
  );
}
