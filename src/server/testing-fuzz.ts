import fc from 'fast-check';
import { ErrorBodySchema } from '../contract/envelopes';
import type { createTestServer } from './testing';

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

/** The two ways in: the sandbox with its key, and the BFF as the inbox's browser calls it. */
export function fuzzTargets(server: TestServer): [string, Send][] {
  return [
    ['/sandbox', (path, init) => server.sandbox(path, init)],
    ['/api', (path, init) => server.api(path, init)],
  ];
}
