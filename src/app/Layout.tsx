import { Suspense, useLayoutEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { noteClientNavigation } from '../components/PageHeading';
import { ErrorBoundary } from './ErrorBoundary';

const NAV = [
  { to: '/quiz', label: 'Quiz' },
  { to: '/flashcards', label: 'Flashcards' },
  { to: '/progress', label: 'Progress' },
  { to: '/team', label: 'Team session' },
  { to: '/banks', label: 'Question banks' },
] as const;

export function Layout() {
  const location = useLocation();
  const isHome = location.pathname === '/';
  useNoteNavigation(location.pathname);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Kube Service Trainer</span>
        </Link>
        {/* Home lists the modes itself; a second set of links there would repeat every name. */}
        {!isHome && (
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {/* Keyed by path: leaving a broken page clears the error. */}
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<p className="loading">Loading…</p>}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          Facts are checked against the official{' '}
          <a href="https://kubernetes.io/docs/concepts/services-networking/service/">
            Kubernetes Service documentation
          </a>
          .
        </p>
      </footer>
    </>
  );
}

/** Lets page headings know a client-side navigation happened, so they take focus. */
function useNoteNavigation(pathname: string) {
  const first = useRef(true);
  // A layout effect runs before the new page's passive effects, so its heading sees the navigation.
  useLayoutEffect(() => {
    if (first.current) first.current = false;
    else noteClientNavigation();
  }, [pathname]);
}
