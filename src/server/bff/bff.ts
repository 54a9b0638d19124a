import { type Context, Hono } from 'hono';
import { matchOperation } from '../../contract/operations';
import { INBOX_PREFIX, createAuthRoutes, personLabel } from '../auth/auth-routes';
import {
  checkSession,
  type Person,
  renewedSessionCookie,
  requestOverHttps,
  type Session,
  sessionCookieHeader,
  sessionOf,
} from '../auth/session';
import type { ServerConfig } from '../config';
import { listAccounts } from './accounts';
import { errorAnswer, jsonAnswer } from './answers';
import { forward, type ForwardTarget } from './forward';
import { peopleAnswer } from './people-answer';
import { createApiLimits } from './rate-limit';
import { createReadCache } from './read-cache';
import type { ReadCacheStore } from './read-cache-stores';
import { createTenantAccounts, TenantAccountsUnavailable } from './tenant-accounts';
import type { EventHub } from '../sync/event-hub';
import { createPeopleDirectory } from '../sync/people-directory';
import type { PeopleShare } from '../sync/people-share';
import { RedisUnavailable } from '../sync/redis-unavailable';
import { eventPoll, eventStream } from '../sync/event-stream';
import type { SyncEngine } from '../sync/sync-engine';
import type { Upstream } from './upstream';

export const API_PREFIX = '/api';

const CONVERSATIONS = '/unified/messaging/conversations';
/** How long shared reads are kept: while the sync follows them, when it does not (only reads in flight are shared), and people. */
const FOLLOWED_TTL_MS = 60_000;
const UNFOLLOWED_TTL_MS = 0;
const USERS_TTL_MS = 60_000;
const ACCOUNTS_TTL_MS = 60_000;
/** Accounts besides the open one whose lists one page may watch (for their unread counts). */
const MAX_ALSO_WATCHED = 20;

export interface BffOptions {
  config: ServerConfig;
  upstream: Upstream;
  /** Where live updates come from: the event hub, and the sync engine that fills it. */
  live: { hub: EventHub; engine: SyncEngine };
  /** Where shared reads are kept (in this process, or in Redis for every instance). */
  cache?: ReadCacheStore;
  /** The people directory as instances share it (with Redis). */
  people?: PeopleShare;
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
export function createBff({ config, upstream, live, cache, people: peopleShare }: BffOptions) {
  const app = new Hono();
  const secret = config.sessionSecret;
  const allowlist = config.stackoneAccountIds === null ? null : new Set(config.stackoneAccountIds);
  const signInRequired = config.inboxAuth !== 'none';
  const limits = createApiLimits(config);
  const lifetimes = config.sessionLifetimes;
  const tenantAccounts = createTenantAccounts(upstream, config.upstreamTimeoutMs);
  const people = createPeopleDirectory({ upstream, timeoutMs: config.upstreamTimeoutMs, share: peopleShare });

  app.route(INBOX_PREFIX.slice(API_PREFIX.length), createAuthRoutes(config, limits, upstream.mode));

  // What the sync sees change is dropped from the shared reads at once, so what it follows can be kept long.
  const readCache = createReadCache({ store: cache });
  live.hub.subscribe((event) => {
    const id = encodeURIComponent(event.conversationId);
    if (event.type === 'conversation') {
      void readCache.drop(event.accountId, [`${CONVERSATIONS}?`, `${CONVERSATIONS}/${id}?`]);
      return;
    }
    const messageId = (event.data as { id?: unknown })?.id;
    void readCache.drop(event.accountId, [
      `${CONVERSATIONS}/${id}/messages?`,
      `${CONVERSATIONS}/${id}?`,
      ...(typeof messageId === 'string' ? [`/unified/messaging/messages/${encodeURIComponent(messageId)}`] : []),
    ]);
  });

  /** How long a read may be shared: long for what the sync follows (it drops it on change), short otherwise. */
  function readTtl(accountId: string, path: string): number {
    if (path.startsWith('/unified/messaging/users')) return USERS_TTL_MS;
    const thread = /^\/unified\/messaging\/conversations\/([^/]+)\/messages$/.exec(path);
    if (thread)
      return live.engine.follows(accountId, decodeURIComponent(thread[1]!)) ? FOLLOWED_TTL_MS : UNFOLLOWED_TTL_MS;
    if (path.startsWith(CONVERSATIONS))
      return live.engine.follows(accountId, null) ? FOLLOWED_TTL_MS : UNFOLLOWED_TTL_MS;
    // A message, its attachments: they change only through an edit, which the sync also sees.
    return FOLLOWED_TTL_MS;
  }

  /** The session of a request that may go on (rate, session, CSRF), or the answer that refuses it. */
  async function admit(c: Context): Promise<Session | Response> {
    const current = sessionOf(c, secret, lifetimes);
    const limited =
      current === null
        ? await limits.sessionless(c)
        : await limits.session(current.id, c.req.method !== 'GET' && c.req.method !== 'HEAD');
    if (limited) return limited;
    const refused = checkSession(secret, c, current, signInRequired);
    if (refused) return refused;
    if (current!.person) c.set('log', { person: personLabel(current!.person) });
    return current!;
  }

  /** An active session stays alive: its seen stamp is renewed on the answer, at most once a minute. */
  function renew(c: Context, session: Session, answer: Response): Response {
    const renewed = renewedSessionCookie(secret, session);
    if (renewed !== null)
      answer.headers.append('Set-Cookie', sessionCookieHeader(renewed, requestOverHttps(c), lifetimes));
    return answer;
  }

  app.get('/inbox/events', async (c) => {
    const session = await admit(c);
    if (session instanceof Response) return session;
    const accountId = c.req.query('account');
    const conversationId = c.req.query('conversation') || null;
    if (!accountId) return errorAnswer(400, 'Say which account to watch: ?account=<linked account id>');
    if (conversationId !== null && conversationId.length > 512) return errorAnswer(400, 'conversation is too long');
    const also = [...new Set(c.req.queries('also') ?? [])].filter((id) => id !== accountId);
    if (also.length > MAX_ALSO_WATCHED || also.some((id) => id === '' || id.length > 512))
      return errorAnswer(400, `also: at most ${MAX_ALSO_WATCHED} further account ids`);
    for (const id of [accountId, ...also]) {
      const refused = await refusedAccount(id, session.person);
      if (refused) return refused;
    }
    const lastEventId = c.req.header('last-event-id') ?? c.req.query('last_event_id') ?? null;
    const watch = { accountId, conversationId, also, lastEventId };
    if (c.req.query('poll') === '1') {
      const answer = await eventPoll(live.hub, live.engine, watch).catch((error: unknown) => {
        if (error instanceof RedisUnavailable) return error;
        throw error;
      });
      if (answer instanceof RedisUnavailable) return errorAnswer(503, answer.message, { 'Retry-After': '5' });
      return renew(c, session, jsonAnswer(200, answer));
    }
    return renew(c, session, eventStream(c, live.hub, live.engine, watch));
  });

  app.get('/inbox/people', async (c) => {
    const session = await admit(c);
    if (session instanceof Response) return session;
    const accountId = c.req.header('x-account-id');
    if (!accountId) return errorAnswer(400, 'The x-account-id header is required');
    const refused = await refusedAccount(accountId, session.person);
    if (refused) return refused;
    return renew(c, session, await peopleAnswer(people, accountId, new URL(c.req.url)));
  });

  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname.slice(API_PREFIX.length);
    const match = matchOperation(c.req.method, path);
    // `.` and `..` would be resolved away by the URL parser and reach another upstream path.
    if (match === null || match.params.some((param) => param === '.' || param === '..')) {
      return errorAnswer(404, `No route for ${c.req.method} ${url.pathname}`);
    }
    const session = await admit(c);
    if (session instanceof Response) return session;
    return renew(c, session, await answerFor(c.req.raw, match, session.person));
  });

  /** The accounts this person may use: null for every account of the key (within STACKONE_ACCOUNT_IDS). */
  async function accountsOf(person: Person | null) {
    if (person?.tenants == null) return null;
    const accounts = await tenantAccounts.list(person.tenants);
    return allowlist === null ? accounts : accounts.filter((account) => allowlist.has(account.id));
  }

  const unavailable = (error: unknown) => {
    if (error instanceof TenantAccountsUnavailable) return errorAnswer(503, error.message, { 'Retry-After': '5' });
    throw error;
  };

  /** The 403 (or 503) answer when this person may not use the account; null when they may. */
  async function refusedAccount(accountId: string, person: Person | null): Promise<Response | null> {
    let tenantAccountList: Awaited<ReturnType<typeof accountsOf>>;
    try {
      tenantAccountList = await accountsOf(person);
    } catch (error) {
      return unavailable(error);
    }
    if (tenantAccountList === null && allowlist !== null && !allowlist.has(accountId)) {
      return errorAnswer(403, `This inbox may not use linked account ${JSON.stringify(accountId)}`);
    }
    if (tenantAccountList !== null && !tenantAccountList.some((account) => account.id === accountId)) {
      return errorAnswer(403, `Linked account ${JSON.stringify(accountId)} is not one of your organisation's accounts`);
    }
    return null;
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
    if (operation.kind === 'accounts') {
      let tenantAccountList: Awaited<ReturnType<typeof accountsOf>>;
      try {
        tenantAccountList = await accountsOf(person);
      } catch (error) {
        return unavailable(error);
      }
      if (tenantAccountList !== null) return jsonAnswer(200, tenantAccountList);
      // Every account of the key: the same list for everyone, shared for a minute (no account's data in it).
      const detached = new Request(raw.url, { headers: raw.headers });
      return readCache.read('*accounts', `/accounts?${target.search.slice(1)}`, ACCOUNTS_TTL_MS, () =>
        listAccounts(detached, upstream, target, allowlist),
      );
    }
    const accountId = raw.headers.get('x-account-id');
    if (!accountId) return errorAnswer(400, 'The x-account-id header is required');
    const refused = await refusedAccount(accountId, person);
    if (refused) return refused;
    if (operation.kind === 'list' || operation.kind === 'get') {
      // Not tied to this browser's request: others may be waiting for the same answer.
      const detached = new Request(raw.url, { headers: raw.headers });
      const ttl = readTtl(accountId, target.path);
      return readCache.read(accountId, `${target.path}?${target.search.slice(1)}`, ttl, () =>
        forward(detached, upstream, target),
      );
    }
    if (operation.kind !== 'create') return forward(raw, upstream, target);
    // What is written through the inbox reaches the conversation's viewers at once, not at the next poll.
    const recipient = await raw
      .clone()
      .json()
      .then((body: { recipient?: unknown }) => (typeof body?.recipient === 'string' ? body.recipient : null))
      .catch(() => null);
    const answer = await forward(raw, upstream, target);
    if (answer.ok) {
      await readCache.drop(accountId, [
        `${CONVERSATIONS}?`,
        ...(recipient ? [`${CONVERSATIONS}/${encodeURIComponent(recipient)}/messages?`] : []),
      ]);
      live.engine.poke(accountId, recipient);
    }
    return answer;
  }
  return app;
}
