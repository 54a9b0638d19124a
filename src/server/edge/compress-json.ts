import type { MiddlewareHandler } from 'hono';

/** Below this, gzip's own header costs more than it saves. */
const MIN_BYTES = 1024;

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The API's JSON answers gzipped for browsers that take it (a conversation page is a fifth of its size on the wire).
 * Downloads (which carry Content-Disposition, and whose Content-Length shows progress), event streams and answers
 * known to be small go as they are.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { res } = c;
    const headers = res.headers;
    if (!res.body || c.req.method === 'HEAD' || res.status === 204 || res.status === 206) return;
    if (!/^application\/json\b/i.test(headers.get('content-type') ?? '')) return;
    if (headers.has('content-encoding') || headers.has('content-disposition')) return;
    if (/\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return;
    const length = headers.get('content-length');
    if (length !== null && Number(length) < MIN_BYTES) return;
    headers.append('Vary', 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;
    c.res = new Response(res.body.pipeThrough(new CompressionStream('gzip')), res);
    // Set after the swap: Hono carries the earlier answer's headers over, its length among them.
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', 'gzip');
  };
}
