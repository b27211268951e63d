// Build time only (scripts/build/prerender.ts): renders a route's first screen to HTML with the
// app's own components, so the page paints before its JavaScript arrives; src/main.tsx then
// hydrates it.
import { StrictMode, type ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { Route, Routes, StaticRouter } from 'react-router';
import { Layout } from './app/Layout';
import { AppRoutes } from './app/routes';

async function render(path: string, routes: ReactNode): Promise<string> {
  // prerender (unlike renderToString) waits for the lazy pages, so the page itself is in the HTML.
  const { prelude } = await prerender(
    <StrictMode>
      <StaticRouter location={path}>{routes}</StaticRouter>
    </StrictMode>,
  );
  return new Response(prelude).text();
}

/** A route's HTML exactly as the client's first render makes it, title first. */
export function renderRoute(path: string): Promise<string> {
  return render(path, <AppRoutes />);
}

/** The layout with its page still loading: the shell for paths that have none of their own. */
export function renderFallback(): Promise<string> {
  return render(
    '/loading',
    <Routes>
      <Route element={<Layout />}>
        <Route path="*" element={<p className="loading">Loading…</p>} />
      </Route>
    </Routes>,
  );
}
