import type { IncomingMessage } from 'node:http';

/**
 * Cross-site WebSocket hijacking defence: a browser always sends Origin, so a page on another
 * site cannot open our socket (or create sessions) unless its origin is allowed. Allowed: the
 * server's own origin (Origin's host equals the Host header) and those in ALLOWED_ORIGINS.
 *
 * A request without Origin is not from a browser page (a CLI, the load generator); it could forge
 * any Origin it liked, so refusing it would protect nothing. It is let through.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    const { host, protocol } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && host === req.headers.host;
  } catch {
    return false;
  }
}
