import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/** Serves the built app; unknown paths get index.html so the client router can answer them. */
export function staticHandler(distDir: string) {
  const serve = sirv(distDir, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/'))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  return (req: IncomingMessage, res: ServerResponse) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
}
