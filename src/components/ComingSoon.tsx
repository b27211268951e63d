import { Link } from 'react-router';
import { PageHeading } from './PageHeading';

interface Props {
  title: string;
  children: React.ReactNode;
}

/** A plain page for a mode that a later release adds; says what it will do and where to go now. */
export function ComingSoon({ title, children }: Props) {
  return (
    <section className="page">
      <PageHeading>{title}</PageHeading>
      <p className="badge">Coming soon</p>
      <div className="prose">{children}</div>
      <p>
        <Link className="button" to="/">
          Back to home
        </Link>
      </p>
    </section>
  );
}
