import { Link, useLocation } from 'react-router';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <section className="page">
      <PageHeading>Page not found</PageHeading>
      <div role="alert" className="alert alert-error">
        <p>
          There is no page at <code>{pathname}</code>. Check the link, or start again from the home
          page.
        </p>
      </div>
      <p>
        <Link className="button" to="/">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
