import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built app. Each route gets its prerendered shell; a page path the server does not know
 * gets the generic shell, so the client router can answer it (with its own 404 page); a missing
 * asset gets a real 404, never HTML in its place.
 * The build writes a brotli and a gzip copy of each text file; sirv sends the one the browser
 * accepts (with `Vary: Accept-Encoding`), so nothing is compressed per request.
 */
export function staticHandler(distDir: string) {
  const options = {
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(res: ServerResponse, pathname: string) {
      if (pathname.startsWith('/assets/'))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  };
  // `/quiz` finds the prerendered quiz.html; a page path without a shell of its own gets
  // shell.html. A file path never falls back to a page, so a missing one is a 404: sirv leaves out
  // any name with an extension by default, and nothing under /assets/ is a page.
  const serve = sirv(distDir, { ...options, single: 'shell.html', ignores: ['^/assets/'] });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  return (req: IncomingMessage, res: ServerResponse) => serve(req, res, () => notFound(res));
}
