import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorAnswer } from '../bff/answers';

/** The largest request body any route takes: every StackOne write is a small JSON object. */
export const MAX_REQUEST_BODY = 1024 * 1024;

/** Counts a body while it streams, chunked or not, and stops reading at the limit: memory stays flat. */
export function requestBodyLimit(maxSize = MAX_REQUEST_BODY): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: () => errorAnswer(413, `Request body is larger than ${maxSize} bytes`),
  });
  // A GET or HEAD carries no body; asking for one would build the full Web Request on every read for nothing.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
