import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../contract/envelopes';
import { createTestServer } from '../testing';

// Whatever a client throws at the sandbox, it answers with a status below 500 and, on error, StackOne's body.
const server = createTestServer({ seed: { messages: 800 } });
afterAll(() => server.close());

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

async function expectSafe(response: Response) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    const body = ErrorBodySchema.parse(await response.json());
    expect(body.statusCode).toBe(response.status);
  } else {
    await response.arrayBuffer();
  }
}

describe('malformed input never causes a 5xx', () => {
  it('query strings on every read route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getPaths), queryString, async (path, query) => {
        await expectSafe(await server.sandbox(`${path}?${query}`));
      }),
      { numRuns: 400 },
    );
  });

  it('raw query strings, including broken percent-encoding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getPaths), fc.string({ maxLength: 60 }), async (path, raw) => {
        const query = raw.replace(/[#\s]/g, '');
        await expectSafe(await server.sandbox(`${path}?${query}`));
      }),
      { numRuns: 200 },
    );
  });

  it('path segments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...getPaths),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (path, segment) => {
          const broken = path.replace(/[^/]+$/, encodeURIComponent(segment));
          await expectSafe(await server.sandbox(broken));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bodies of both POST routes', async () => {
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
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...postPaths), bodies, async (path, body) => {
        await expectSafe(await server.sandbox(path, { method: 'POST', body }));
      }),
      { numRuns: 400 },
    );
  });

  it('headers: authorization, account id and idempotency key', async () => {
    const headerValue = fc.string({ maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...getPaths, ...postPaths),
        fc.option(headerValue),
        fc.option(headerValue),
        fc.option(headerValue),
        async (path, authorization, accountId, key) => {
          const headers: Record<string, string> = {};
          if (authorization !== null)
            headers.authorization = authorization.startsWith('Basic') ? authorization : `Basic ${authorization}`;
          if (key !== null) headers['idempotency-key'] = key;
          const method = postPaths.includes(path) ? 'POST' : 'GET';
          const body = method === 'POST' ? JSON.stringify({ recipient: ids.conversation, content: 'fuzz' }) : undefined;
          await expectSafe(await server.sandbox(path, { method, headers, body, account: accountId }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
