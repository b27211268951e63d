import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { noteClientNavigation } from '../components/PageHeading';
import { ErrorBoundary } from './ErrorBoundary';
import { UpdatePrompt } from './UpdatePrompt';
import { appUpdates } from './updates';

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
  const setAside = useStartupChecks(location.pathname);

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
      {setAside > 0 && location.pathname !== '/progress' && (
        <div role="alert" className="alert alert-warn site-alert">
          <p>
            {setAside} saved record{setAside === 1 ? '' : 's'} could not be read and{' '}
            {setAside === 1 ? 'was' : 'were'} set aside: kept, not deleted. The rest of your
            progress is fine. <Link to="/progress">See Progress</Link> to download{' '}
            {setAside === 1 ? 'it' : 'them'}.
          </p>
        </div>
      )}
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
      <UpdatePrompt updates={appUpdates} />
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

/**
 * After the first page that uses saved progress shows, runs the start-up checks (lazily, off the
 * entry chunk): damaged records are set aside and the daily backup is taken. Returns how many
 * records are set aside, counted again on each navigation.
 *
 * Home is skipped: it neither reads nor writes progress, and reading every record means loading
 * the storage and schema code (about 17 KB gzip) that would take `/` over its 100 KB budget
 * (docs/decisions/011-offline-and-fast-first-load.md). The first other page runs them.
 */
function useStartupChecks(pathname: string): number {
  const [count, setCount] = useState(0);
  const checked = useRef(false);
  useEffect(() => {
    if (pathname === '/' && !checked.current) return;
    let live = true;
    import('../lib/startup-checks')
      // After the first check, count again on each navigation: the learner may have discarded the
      // records on the progress page, or a page may have set more aside.
      .then((m) => (checked.current ? m.countSetAside() : m.runStartupChecks()))
      .then((n) => {
        checked.current = true;
        if (live) setCount(n);
      })
      // Storage may be unavailable (private mode): pages that need it say so themselves.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pathname]);
  return count;
}
