import type { MiddlewareHandler } from 'hono';

/** Built file names carry a hash of their content: a name never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked again each time (cheaply, with a validator): the page, the service worker and the manifest name the rest. */
const REVALIDATE = 'no-cache';

/** Caching of the built app's files; the API's answers keep their own (no-store). */
export function staticCacheHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/sandbox/')) return;
    c.res.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
  };
}
