import { afterAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../contract/envelopes';
import { LinkedAccountListSchema } from '../../contract/accounts';
import { createTestServer, TEST_KEY } from '../testing';

const server = createTestServer();
afterAll(() => server.close());

function expectError(body: unknown, status: number) {
  const parsed = ErrorBodySchema.parse(body);
  expect(parsed.statusCode).toBe(status);
  expect(parsed.message.length).toBeGreaterThan(0);
  expect(Number.isNaN(Date.parse(parsed.timestamp))).toBe(false);
}

describe('authentication', () => {
  it('rejects a request without credentials with 401 in StackOne’s shape', async () => {
    const res = await server.json('/unified/messaging/conversations', { headers: { authorization: '' } });
    expect(res.status).toBe(401);
    expectError(res.body, 401);
  });

  it('rejects a wrong key', async () => {
    const wrong = `Basic ${Buffer.from('nope:').toString('base64')}`;
    const res = await server.json('/unified/messaging/conversations', { headers: { authorization: wrong } });
    expect(res.status).toBe(401);
  });

  it('rejects the right key with a non-empty password', async () => {
    const auth = `Basic ${Buffer.from(`${TEST_KEY}:secret`).toString('base64')}`;
    const res = await server.json('/unified/messaging/conversations', { headers: { authorization: auth } });
    expect(res.status).toBe(401);
  });

  it('accepts the key encoded without the colon', async () => {
    const auth = `Basic ${Buffer.from(TEST_KEY).toString('base64')}`;
    const res = await server.json('/unified/messaging/conversations', { headers: { authorization: auth } });
    expect(res.status).toBe(200);
  });
});

describe('accounts and account scoping', () => {
  it('lists the linked accounts as a bare array that the SDK schema accepts', async () => {
    const res = await server.json('/accounts', { account: null });
    expect(res.status).toBe(200);
    const accounts = LinkedAccountListSchema.parse(res.body);
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(accounts.map((a) => a.provider)).size).toBeGreaterThanOrEqual(3);
  });

  it('filters the linked accounts by tenant, id, provider and status, and pages them', async () => {
    const all = server.accounts;
    const ids = async (query: string) => {
      const res = await server.json(`/accounts?${query}`, { account: null });
      expect(res.status, query).toBe(200);
      return (res.body as { id: string }[]).map((a) => a.id);
    };
    expect(await ids(`origin_owner_id=${all[0]!.origin_owner_id}`)).toEqual([all[0]!.id]);
    expect(await ids(`origin_owner_ids=${all[0]!.origin_owner_id},${all[2]!.origin_owner_id}`)).toEqual([
      all[0]!.id,
      all[2]!.id,
    ]);
    expect(
      await ids(`origin_owner_ids=${all[1]!.origin_owner_id}&origin_owner_ids=${all[2]!.origin_owner_id}`),
    ).toEqual([all[1]!.id, all[2]!.id]);
    expect(await ids('origin_owner_id=no-such-tenant')).toEqual([]);
    expect(await ids(`account_ids=${all[1]!.id}&provider=${all[1]!.provider}&status=active`)).toEqual([all[1]!.id]);
    expect(await ids('page_size=2&page=2')).toEqual([all[2]!.id]);
    for (const bad of ['status=sleeping', 'page_size=0', 'page=-1', 'page_size=x']) {
      const res = await server.json(`/accounts?${bad}`, { account: null });
      expect(res.status, bad).toBe(400);
      expectError(res.body, 400);
    }
  });

  it('requires x-account-id on messaging routes', async () => {
    const res = await server.json('/unified/messaging/users', { account: null });
    expect(res.status).toBe(400);
    expectError(res.body, 400);
  });

  it('answers 404 for an unknown account', async () => {
    const res = await server.json('/unified/messaging/users', { account: 'no-such-account' });
    expect(res.status).toBe(404);
    expectError(res.body, 404);
  });

  it('never shows one account’s records through another account’s id', async () => {
    const [a, b] = server.accounts;
    const conversations = await server.json('/unified/messaging/conversations?page_size=1', { account: a!.id });
    const conversationId = conversations.body.data[0].id;
    const messages = await server.json(`/unified/messaging/conversations/${conversationId}/messages?page_size=1`, {
      account: a!.id,
    });
    const messageId = messages.body.data[0].id;
    const users = await server.json('/unified/messaging/users?page_size=1', { account: a!.id });
    const userId = users.body.data[0].id;

    for (const path of [
      `/unified/messaging/conversations/${conversationId}`,
      `/unified/messaging/conversations/${conversationId}/messages`,
      `/unified/messaging/messages/${messageId}`,
      `/unified/messaging/messages/${messageId}/attachments`,
      `/unified/messaging/users/${userId}`,
    ]) {
      const res = await server.json(path, { account: b!.id });
      expect(res.status, path).toBe(404);
      expectError(res.body, 404);
    }
    const send = await server.json('/unified/messaging/messages', {
      account: b!.id,
      method: 'POST',
      body: JSON.stringify({ recipient: conversationId, content: 'hello' }),
    });
    expect(send.status).toBe(422);
  });
});

describe('errors', () => {
  it('answers unknown routes with 404 in the same shape', async () => {
    const res = await server.json('/unified/messaging/nothing-here');
    expect(res.status).toBe(404);
    expectError(res.body, 404);
  });

  it('answers 429 with Retry-After when the rate limit is reached', async () => {
    const limited = createTestServer({ config: { sandboxRateLimit: 2 }, seed: { messages: 50 } });
    try {
      expect((await limited.sandbox('/accounts')).status).toBe(200);
      expect((await limited.sandbox('/accounts')).status).toBe(200);
      const res = await limited.json('/accounts');
      expect(res.status).toBe(429);
      expectError(res.body, 429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      limited.close();
    }
  });
});

describe('openapi.json', () => {
  it('describes all 11 operations and the accounts list', async () => {
    const res = await server.app.request('/sandbox/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids).toHaveLength(12);
    expect(ids).toContain('messaging_download_messaging_attachment');
  });
});
