import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestServer } from '../../testing';

// What the browser sees of each fault, through the BFF over the in-process sandbox.
const server = createTestServer({ seed: { messages: 300 }, config: { upstreamTimeoutMs: 200 } });
afterAll(() => server.close());
afterEach(() => server.setFaults([]));

const account = server.accounts[0]!.id;
const conversation = (
  server.db.prepare('SELECT id FROM conversations WHERE account_id = ? LIMIT 1').get(account) as { id: string }
).id;

describe('faults through /api', () => {
  it('keeps 500 and 502 in StackOne’s error shape', async () => {
    for (const kind of ['500', '502'] as const) {
      await server.setFaults([{ operation: 'list_conversations', kind }]);
      const res = await server.apiJson('/unified/messaging/conversations');
      expect(res.status).toBe(Number(kind));
      expect(res.body).toEqual({
        statusCode: Number(kind),
        message: expect.any(String),
        timestamp: expect.any(String),
      });
      expect(res.headers.get('x-sandbox-fault')).toBeNull();
    }
  });

  it('keeps Retry-After on 429 and 408', async () => {
    for (const kind of ['429', '408'] as const) {
      await server.setFaults([{ operation: 'get_conversation', kind, retryAfter: 4 }]);
      const res = await server.apiJson(`/unified/messaging/conversations/${conversation}`);
      expect(res.status).toBe(Number(kind));
      expect(res.headers.get('retry-after')).toBe('4');
      expect(res.body).toMatchObject({ statusCode: Number(kind) });
    }
  });

  it('answers 502 for a dropped connection and 504 for an answer slower than UPSTREAM_TIMEOUT_MS', async () => {
    await server.setFaults([{ operation: 'list_users', kind: 'drop' }]);
    const dropped = await server.apiJson('/unified/messaging/users');
    expect(dropped.status).toBe(502);
    expect(dropped.body).toMatchObject({ statusCode: 502, message: 'Could not reach StackOne' });
    await server.setFaults([{ operation: 'list_users', kind: 'delay', delayMs: 400 }]);
    expect((await server.apiJson('/unified/messaging/users')).status).toBe(504);
    await new Promise((resolve) => setTimeout(resolve, 250)); // the abandoned request finishes
  });

  it('delivers a send exactly once when the first attempt was stored and then failed', async () => {
    await server.setFaults([{ operation: 'send_message', kind: 'store-then-500', count: 1 }]);
    const init = {
      method: 'POST',
      body: JSON.stringify({ recipient: conversation, content: 'once through the BFF' }),
      headers: { 'idempotency-key': 'bff-store-then-500' },
    };
    const failed = await server.apiJson('/unified/messaging/messages', init);
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ statusCode: 500 });
    const retried = await server.apiJson('/unified/messaging/messages', init);
    expect(retried.status).toBe(201);
    const rows = server.db.prepare('SELECT id FROM messages WHERE content_plain = ?').all('once through the BFF');
    expect(rows).toEqual([{ id: retried.body.data.id }]);
  });

  it('never reaches the admin route', async () => {
    for (const path of ['/_faults', '/sandbox/_faults', '/unified/messaging/_faults']) {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await server.apiJson(path, { method, ...(method === 'PUT' ? { body: '[]' } : {}) });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404 });
      }
    }
  });
});
