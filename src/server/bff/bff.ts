import { Hono } from 'hono';
import { matchOperation } from '../../contract/operations';
import { INBOX_PREFIX, createAuthRoutes, personLabel } from '../auth/auth-routes';
import { checkSession, type Person, renewedSessionCookie, requestOverHttps, sessionCookieHeader, sessionOf } from '../auth/session';
import type { ServerConfig } from '../config';
import { listAccounts } from './accounts';
import { errorAnswer, jsonAnswer } from './answers';
import { forward, type ForwardTarget } from './forward';
import { createApiLimits } from './rate-limit';
import { createTenantAccounts, TenantAccountsUnavailable } from './tenant-accounts';
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
  const allowlist = config.stackoneAccountIds === null ? null : new Set(config.stackoneAccountIds);
  const signInRequired = config.inboxAuth !== 'none';
  const limits = createApiLimits(config);
  const lifetimes = config.sessionLifetimes;
  const tenantAccounts = createTenantAccounts(upstream, config.upstreamTimeoutMs);

  app.route(INBOX_PREFIX.slice(API_PREFIX.length), createAuthRoutes(config, limits, upstream.mode));

  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname.slice(API_PREFIX.length);
    const match = matchOperation(c.req.method, path);
    // `.` and `..` would be resolved away by the URL parser and reach another upstream path.
    if (match === null || match.params.some((param) => param === '.' || param === '..')) {
      return errorAnswer(404, `No route for ${c.req.method} ${url.pathname}`);
    }
    const current = sessionOf(c, secret, lifetimes);
    const limited =
      current === null
        ? await limits.sessionless(c)
        : await limits.session(current.id, c.req.method !== 'GET' && c.req.method !== 'HEAD');
    if (limited) return limited;
    const refused = checkSession(secret, c, current, signInRequired);
    if (refused) return refused;
    const person = current!.person;
    if (person) c.set('log', { person: personLabel(person) });
    const answer = await answerFor(c.req.raw, match, person);
    // An active session stays alive: its seen stamp is renewed on the answer, at most once a minute.
    const renewed = renewedSessionCookie(secret, current!);
    if (renewed !== null)
      answer.headers.append('Set-Cookie', sessionCookieHeader(renewed, requestOverHttps(c), lifetimes));
    return answer;
  });

  /** The accounts this person may use: null for every account of the key (within STACKONE_ACCOUNT_IDS). */
  async function accountsOf(person: Person | null) {
    if (person?.tenants == null) return null;
    const accounts = await tenantAccounts.list(person.tenants);
    return allowlist === null ? accounts : accounts.filter((account) => allowlist.has(account.id));
  }

  async function answerFor(
    raw: Request,
    match: NonNullable<ReturnType<typeof matchOperation>>,
    person: Person | null,
  ): Promise<Response> {
    const { operation, params } = match;
    const download = operation.kind === 'download';
    const target: ForwardTarget = {
      path: upstreamPath(operation.path, params),
      search: new URL(raw.url).search,
      download,
      timeoutMs: download ? config.downloadTimeoutMs : config.upstreamTimeoutMs,
    };
    let tenantAccountList: Awaited<ReturnType<typeof accountsOf>>;
    try {
      tenantAccountList = await accountsOf(person);
    } catch (error) {
      if (error instanceof TenantAccountsUnavailable) return errorAnswer(503, error.message, { 'Retry-After': '5' });
      throw error;
    }
    if (operation.kind === 'accounts') {
      return tenantAccountList === null ? listAccounts(raw, upstream, target, allowlist) : jsonAnswer(200, tenantAccountList);
    }
    const accountId = raw.headers.get('x-account-id');
    if (!accountId) return errorAnswer(400, 'The x-account-id header is required');
    if (tenantAccountList === null && allowlist !== null && !allowlist.has(accountId)) {
      return errorAnswer(403, `This inbox may not use linked account ${JSON.stringify(accountId)}`);
    }
    if (tenantAccountList !== null && !tenantAccountList.some((account) => account.id === accountId)) {
      return errorAnswer(403, `Linked account ${JSON.stringify(accountId)} is not one of your organisation's accounts`);
    }
    return forward(raw, upstream, target);
  }
  return app;
}
