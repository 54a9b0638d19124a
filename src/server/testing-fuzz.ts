import fc from 'fast-check';
import { ErrorBodySchema } from '../contract/envelopes';
import { signed } from './auth/session';
import { readConfig } from './config';
import { createTestServer } from './testing';

type TestServer = ReturnType<typeof createTestServer>;
type Send = (path: string, init?: RequestInit & { account?: string | null }) => Response | Promise<Response>;

/** What one fuzzed answer was: fine, a 5xx, or an error outside StackOne's shape. */
export type Verdict = 'ok' | 'server error' | 'bad error body';

export async function judge(response: Response): Promise<Verdict> {
  if (response.status >= 500) {
    await response.arrayBuffer();
    return 'server error';
  }
  if (response.status < 400) {
    await response.arrayBuffer();
    return 'ok';
  }
  const text = await response.text();
  try {
    const body = ErrorBodySchema.parse(JSON.parse(text));
    return body.statusCode === response.status ? 'ok' : 'bad error body';
  } catch {
    return 'bad error body';
  }
}

/**
 * Malformed input for every route of one way in (`/sandbox` with the key, or `/api` with a browser session):
 * query strings, broken encodings, path segments, bodies and headers. Each case sends one request and hands its
 * verdict to `seen`; the share of runs each case gets is its weight.
 */
export function fuzzCases(server: TestServer, send: Send, seen: (verdict: Verdict, what: string) => void) {
  const account = server.accounts[0]!.id;
  const ids = server.db
    .prepare(
      `SELECT c.id AS conversation, m.id AS message, a.id AS attachment, u.id AS user FROM attachments a
       JOIN messages m ON m.seq = a.message_seq JOIN conversations c ON c.pk = m.conversation_pk
       JOIN users u ON u.pk = m.author_pk WHERE a.account_id = ? LIMIT 1`,
    )
    .get(account) as { conversation: string; message: string; attachment: string; user: string };

  const getPaths = [
    '/accounts',
    '/unified/messaging/conversations',
    `/unified/messaging/conversations/${ids.conversation}`,
    `/unified/messaging/conversations/${ids.conversation}/messages`,
    `/unified/messaging/messages/${ids.message}`,
    `/unified/messaging/messages/${ids.message}/attachments`,
    `/unified/messaging/messages/${ids.message}/attachments/${ids.attachment}`,
    `/unified/messaging/messages/${ids.message}/attachments/${ids.attachment}/download`,
    '/unified/messaging/users',
    `/unified/messaging/users/${ids.user}`,
    '/inbox/people',
  ];
  const postPaths = ['/unified/messaging/messages', '/unified/messaging/conversations'];

  const paramNames = fc.constantFrom(
    'page_size',
    'next',
    'fields',
    'raw',
    'filter[updated_after]',
    'updated_after',
    'format',
    'export_format',
    'proxy[x]',
    'filter',
    'page',
    'filter[updated_after][x]',
    'fields[]',
    'id',
    'q',
    'email',
    'limit',
    'offset',
    'exclude',
  );
  const paramValues = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      '0',
      '-1',
      '101',
      '1e3',
      'true',
      'null',
      '2026-13-45T99:99:99Z',
      'base64',
      '%',
      '%00',
      'eyJ4IjoxfQ',
    ),
    fc.integer().map(String),
    fc.base64String({ maxLength: 80 }),
  );
  const queryString = fc
    .array(fc.tuple(paramNames, paramValues), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

  const bodies = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          content: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
          recipient: fc.oneof(
            fc.string(),
            fc.constant(ids.conversation),
            fc.constant(ids.user),
            fc.constant(null),
            fc.integer(),
          ),
          sender: fc.oneof(fc.string(), fc.constant(account), fc.constant(null)),
          participants: fc.oneof(
            fc.array(fc.oneof(fc.string(), fc.constant(ids.user))),
            fc.string(),
            fc.constant(null),
          ),
          name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
          private: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes'), fc.constant(null)),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
  );
  const headerValue = fc.string({ maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

  const check = async (what: string, response: Response | Promise<Response>) => {
    const verdict = await judge(await response);
    seen(verdict, what);
    return verdict === 'ok';
  };

  const cases = [
    {
      name: 'query strings on every read route',
      weight: 4,
      property: fc.asyncProperty(fc.constantFrom(...getPaths), queryString, (path, query) =>
        check(`GET ${path}?${query}`, send(`${path}?${query}`)),
      ),
    },
    {
      name: 'raw query strings, including broken percent-encoding',
      weight: 2,
      property: fc.asyncProperty(fc.constantFrom(...getPaths), fc.string({ maxLength: 60 }), (path, raw) => {
        const query = raw.replace(/[#\s]/g, '');
        return check(`GET ${path}?${query}`, send(`${path}?${query}`));
      }),
    },
    {
      name: 'path segments',
      weight: 2,
      property: fc.asyncProperty(
        fc.constantFrom(...getPaths),
        fc.string({ minLength: 1, maxLength: 40 }),
        (path, segment) => {
          const broken = path.replace(/[^/]+$/, encodeURIComponent(segment));
          return check(`GET ${broken}`, send(broken));
        },
      ),
    },
    {
      name: 'bodies of both POST routes',
      weight: 4,
      property: fc.asyncProperty(fc.constantFrom(...postPaths), bodies, (path, body) =>
        check(`POST ${path} ${body.slice(0, 200)}`, send(path, { method: 'POST', body })),
      ),
    },
    {
      name: 'headers: authorization, account id and idempotency key',
      weight: 3,
      property: fc.asyncProperty(
        fc.constantFrom(...getPaths, ...postPaths),
        fc.option(headerValue),
        fc.option(headerValue),
        fc.option(headerValue),
        (path, authorization, accountId, key) => {
          const headers: Record<string, string> = {};
          if (authorization !== null)
            headers.authorization = authorization.startsWith('Basic') ? authorization : `Basic ${authorization}`;
          if (key !== null) headers['idempotency-key'] = key;
          const method = postPaths.includes(path) ? 'POST' : 'GET';
          const body = method === 'POST' ? JSON.stringify({ recipient: ids.conversation, content: 'fuzz' }) : undefined;
          return check(`${method} ${path} (headers)`, send(path, { method, headers, body, account: accountId }));
        },
      ),
    },
  ];
  // fc.assert per case keeps each property's own argument types.
  return cases.map(({ name, weight, property }) => ({
    name,
    weight,
    run: (numRuns: number, seed?: number) =>
      fc.assert(property as fc.IAsyncProperty<unknown[]>, { numRuns, seed, endOnFailure: true }),
  }));
}

/** Every limit off, so that the fuzz reaches the routes rather than the rate limiters. */
export const UNLIMITED = { apiRateLimit: 0, apiWriteRateLimit: 0, apiSessionlessRateLimit: 0 };
export const SIGN_IN_FUZZ_SECRET = 'the fuzzed sign-in secret';

/** Two inboxes for the sign-in fuzz: one with the team password, one with single sign-on towards a provider that is away. */
export function signInFuzzServers(): [string, TestServer][] {
  const password = createTestServer({
    seed: { messages: 50 },
    config: {
      ...UNLIMITED,
      inboxAuth: 'password',
      inboxPassword: 'a fuzzed team password',
      sessionSecret: SIGN_IN_FUZZ_SECRET,
      trustProxy: 1,
    },
  });
  const oidc = readConfig({
    INBOX_AUTH: 'oidc',
    PUBLIC_URL: 'http://127.0.0.1:4999',
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_CLIENT_ID: 'inbox',
    OIDC_TENANT_CLAIM: 'tenants',
  });
  const sso = createTestServer({
    seed: { messages: 50 },
    config: {
      ...UNLIMITED,
      inboxAuth: 'oidc',
      oidc: oidc.oidc,
      publicUrl: oidc.publicUrl,
      sessionSecret: SIGN_IN_FUZZ_SECRET,
    },
  });
  return [
    ['password', password],
    ['oidc', sso],
  ];
}

/**
 * Malformed input to the sign-in routes of an inbox with the team password (and single sign-on towards a provider
 * that is away): bodies, headers, return paths and callback queries, and session cookies both forged and signed
 * with the server's own secret around any JSON at all, so that only the cookie's shape is under test.
 */
export function signInFuzzCases(server: TestServer, secret: string, seen: (verdict: Verdict, what: string) => void) {
  const signedAny = (purpose: string) =>
    fc.jsonValue().map((value) => signed(secret, purpose, Buffer.from(JSON.stringify(value)).toString('base64url')));
  const request = (path: string, init: RequestInit = {}) => server.app.request(`/api${path}`, init);
  const check = async (what: string, response: Response | Promise<Response>) => {
    const answer = await response;
    // Sign-in answers redirects (303) to the page, which is fine; every error must be StackOne's shape.
    const verdict = answer.status === 303 ? (await answer.arrayBuffer(), 'ok' as const) : await judge(answer);
    seen(verdict, what);
    return verdict === 'ok';
  };
  const headerValue = fc.string({ maxLength: 200 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''));
  const cookieValues = fc.oneof(
    headerValue,
    fc.jsonValue().map((value) => signed(secret, 'session', Buffer.from(JSON.stringify(value)).toString('base64url'))),
    fc
      .tuple(fc.string(), fc.integer(), fc.integer(), fc.jsonValue())
      .map((value) => signed(secret, 'session', Buffer.from(JSON.stringify(value)).toString('base64url'))),
    fc.base64String({ maxLength: 400 }).map((value) => signed(secret, 'session', value)),
  );
  const routes = [
    '/inbox/session',
    '/inbox/auth/password',
    '/inbox/auth/sign-out',
    '/inbox/auth/sign-in',
    '/inbox/auth/callback',
    '/inbox/nothing',
  ];
  const cases = [
    {
      name: 'session cookies, forged and well-signed around any JSON, on every route',
      weight: 4,
      property: fc.asyncProperty(
        fc.constantFrom(...routes, '/accounts'),
        fc.boolean(),
        cookieValues,
        (path, post, cookie) =>
          check(
            `${post ? 'POST' : 'GET'} ${path} cookie=${cookie.slice(0, 80)}`,
            request(path, {
              method: post ? 'POST' : 'GET',
              headers: {
                cookie: `inbox_session=${cookie}`,
                'content-type': 'application/json',
                'sec-fetch-site': 'same-origin',
                'x-csrf-token': 'x',
              },
              body: post ? '{}' : undefined,
            }),
          ),
      ),
    },
    {
      name: 'password sign-in bodies and headers',
      weight: 3,
      property: fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .record(
              {
                password: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
                name: fc.oneof(fc.string(), fc.jsonValue()),
              },
              { requiredKeys: [] },
            )
            .map((v) => JSON.stringify(v)),
        ),
        fc.option(headerValue),
        fc.option(fc.constantFrom('same-origin', 'cross-site', 'none', '')),
        fc.option(headerValue),
        (body, contentType, site, forwarded) => {
          const headers: Record<string, string> = { 'content-type': contentType ?? 'application/json' };
          if (site !== null) headers['sec-fetch-site'] = site;
          if (forwarded !== null) headers['x-forwarded-for'] = forwarded;
          return check(
            `POST /inbox/auth/password ${body.slice(0, 120)}`,
            request('/inbox/auth/password', { method: 'POST', headers, body }),
          );
        },
      ),
    },
    {
      name: 'sign-in return paths and callback queries',
      weight: 2,
      property: fc.asyncProperty(
        fc.constantFrom('/inbox/auth/sign-in', '/inbox/auth/callback'),
        fc.string({ maxLength: 80 }),
        fc.option(
          fc.oneof(
            cookieValues,
            signedAny('sign-in'),
            fc
              .record({ verifier: fc.string(), state: fc.string(), nonce: fc.string(), returnTo: fc.string() })
              .map((flow) => signed(secret, 'sign-in', Buffer.from(JSON.stringify(flow)).toString('base64url'))),
          ),
        ),
        (path, raw, flow) =>
          check(
            `GET ${path}?${raw}`,
            request(`${path}?${raw.replace(/[#\s]/g, '')}`, {
              headers: flow === null ? {} : { cookie: `inbox_sign_in=${flow}` },
            }),
          ),
      ),
    },
  ];
  return cases.map(({ name, weight, property }) => ({
    name,
    weight,
    run: (numRuns: number, seed?: number) =>
      fc.assert(property as fc.IAsyncProperty<unknown[]>, { numRuns, seed, endOnFailure: true }),
  }));
}

/** The two ways in: the sandbox with its key, and the BFF as the inbox's browser calls it. */
export function fuzzTargets(server: TestServer): [string, Send][] {
  return [
    ['/sandbox', (path, init) => server.sandbox(path, init)],
    ['/api', (path, init) => server.api(path, init)],
  ];
}
