import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchOperation } from '../../contract/operations';
import type { ServerConfig } from '../config';
import { listAccounts } from './accounts';
import { errorAnswer } from './answers';
import { forward, type ForwardTarget } from './forward';
import { createApiLimits } from './rate-limit';
import {
  checkSession,
  renewedSessionCookie,
  requestOverHttps,
  SESSION_COOKIE,
  sessionCookieHeader,
  sessionHandler,
  verifySessionCookie,
} from './session';
import type { Upstream } from './upstream';

export const API_PREFIX = '/api';

export interface BffOptions {
  config: ServerConfig;
  upstream: Upstream;
}

/** StackOne's path template with the matched parameters put back, each encoded as one segment. */
function upstreamPath(template: string, params: string[]): string {
  let index = 0;
  return template.replace(/\{(id|subResourceId)\}/g, () => encodeURIComponent(params[index++]!));
}

/**
 * The backend-for-frontend under /api: the browser's session and CSRF token are checked, the
 * account must be allowed, and only StackOne's own operations are forwarded, with the server's key.
 */
export function createBff({ config, upstream }: BffOptions) {
  const app = new Hono();
  const secret = config.sessionSecret;
  const allowed = config.stackoneAccountIds === null ? null : new Set(config.stackoneAccountIds);

  const limits = createApiLimits(config);
  const lifetimes = config.sessionLifetimes;
  const session = sessionHandler(secret, upstream.mode, lifetimes);

  app.get('/session', async (c) => {
    if (verifySessionCookie(secret, getCookie(c, SESSION_COOKIE), lifetimes) === null) {
      const limited = await limits.sessionless(c);
      if (limited) return limited;
    }
    return session(c);
  });

  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname.slice(API_PREFIX.length);
    const match = matchOperation(c.req.method, path);
    // `.` and `..` would be resolved away by the URL parser and reach another upstream path.
    if (match === null || match.params.some((param) => param === '.' || param === '..')) {
      return errorAnswer(404, `No route for ${c.req.method} ${url.pathname}`);
    }
    const current = verifySessionCookie(secret, getCookie(c, SESSION_COOKIE), lifetimes);
    const limited =
      current === null
        ? await limits.sessionless(c)
        : await limits.session(current.id, c.req.method !== 'GET' && c.req.method !== 'HEAD');
    if (limited) return limited;
    const refused = checkSession(secret, c, current);
    if (refused) return refused;
    const answer = await answerFor(c.req.raw, match);
    // An active session stays alive: its seen stamp is renewed on the answer, at most once a minute.
    const renewed = renewedSessionCookie(secret, current!);
    if (renewed !== null)
      answer.headers.append('Set-Cookie', sessionCookieHeader(renewed, requestOverHttps(c), lifetimes));
    return answer;
  });

  async function answerFor(raw: Request, match: NonNullable<ReturnType<typeof matchOperation>>): Promise<Response> {
    const { operation, params } = match;
    const download = operation.kind === 'download';
    const target: ForwardTarget = {
      path: upstreamPath(operation.path, params),
      search: new URL(raw.url).search,
      download,
      timeoutMs: download ? config.downloadTimeoutMs : config.upstreamTimeoutMs,
    };
    if (operation.kind === 'accounts') return listAccounts(raw, upstream, target, allowed);

    const accountId = raw.headers.get('x-account-id');
    if (!accountId) return errorAnswer(400, 'The x-account-id header is required');
    if (allowed !== null && !allowed.has(accountId)) {
      return errorAnswer(403, `This inbox may not use linked account ${JSON.stringify(accountId)}`);
    }
    return forward(raw, upstream, target);
  }
  return app;
}
