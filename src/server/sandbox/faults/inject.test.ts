import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CreateResultSchema } from '../../../contract/envelopes';
import { createTestServer } from '../../testing';
import { DroppedConnection, operationOf } from './inject';

const server = createTestServer({ seed: { messages: 300 } });
afterAll(() => server.close());
afterEach(() => server.setFaults([]));

const account = server.accounts[0]!.id;
const conversation = (
  server.db.prepare('SELECT id FROM conversations WHERE account_id = ? LIMIT 1').get(account) as { id: string }
).id;
const countOf = (content: string) =>
  (server.db.prepare('SELECT count(*) AS n FROM messages WHERE content_plain = ?').get(content) as { n: number }).n;
const send = (content: string, headers: Record<string, string> = {}) =>
  server.json('/unified/messaging/messages', {
    method: 'POST',
    body: JSON.stringify({ recipient: conversation, content }),
    headers,
  });

describe('injected faults', () => {
  it('answers 429 and 408 with Retry-After in StackOne’s error shape', async () => {
    await server.setFaults([
      { operation: 'list_users', kind: '429', retryAfter: 7 },
      { operation: 'get_conversation', kind: '408' },
    ]);
    const limited = await server.json('/unified/messaging/users');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-sandbox-fault')).toBe('429');
    expect(limited.body).toEqual({ statusCode: 429, message: 'Too many requests', timestamp: expect.any(String) });
    const timedOut = await server.json(`/unified/messaging/conversations/${conversation}`);
    expect(timedOut.status).toBe(408);
    expect(timedOut.headers.get('retry-after')).toBe('1');
    expect(timedOut.body).toMatchObject({ statusCode: 408, message: 'Request timed out' });
  });

  it('answers 500 and 502 without storing anything', async () => {
    await server.setFaults([
      { operation: 'send_message', kind: '500', count: 1 },
      { operation: 'create_conversation', kind: '502' },
    ]);
    const failed = await send('fault 500');
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ statusCode: 500, message: 'Internal server error' });
    expect(failed.headers.get('retry-after')).toBeNull();
    expect(countOf('fault 500')).toBe(0);
    const created = await server.json('/unified/messaging/conversations', {
      method: 'POST',
      body: JSON.stringify({ name: 'fault-502-room' }),
    });
    expect(created.status).toBe(502);
    expect(created.body).toMatchObject({ statusCode: 502, message: 'Bad Gateway' });
    expect(server.db.prepare("SELECT count(*) AS n FROM conversations WHERE name = 'fault-502-room'").get()).toEqual({
      n: 0,
    });
    expect((await send('fault 500')).status).toBe(201); // the count is spent
  });

  it('answers slowly with a delay', async () => {
    await server.setFaults([{ operation: 'get_conversation', kind: 'delay', delayMs: 150 }]);
    const started = performance.now();
    const res = await server.json(`/unified/messaging/conversations/${conversation}`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const quick = performance.now();
    await server.json('/unified/messaging/users');
    expect(performance.now() - quick).toBeLessThan(140);
  });

  it('drops the connection: in-process, the fetch itself rejects, with no answer', async () => {
    await server.setFaults([{ operation: 'list_conversations', kind: 'drop', count: 1 }]);
    await expect(server.sandbox('/unified/messaging/conversations')).rejects.toBeInstanceOf(DroppedConnection);
    expect((await server.sandbox('/unified/messaging/conversations')).status).toBe(200);
  });

  it('store-then-500 stores the message once; the Idempotency-Key retry answers 201 with the stored id', async () => {
    await server.setFaults([{ operation: 'send_message', kind: 'store-then-500', count: 1 }]);
    const headers = { 'idempotency-key': 'store-then-500-1' };
    const failed = await send('stored then failed', headers);
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ statusCode: 500, message: 'Internal server error' });
    expect(countOf('stored then failed')).toBe(1);
    const retried = await send('stored then failed', headers);
    expect(retried.status).toBe(201);
    const id = CreateResultSchema.parse(retried.body).data.id;
    expect(countOf('stored then failed')).toBe(1);
    const stored = server.db.prepare('SELECT id FROM messages WHERE content_plain = ?').get('stored then failed');
    expect(stored).toEqual({ id });
  });

  it('store-then-500 creates the conversation once; the replay answers its id', async () => {
    await server.setFaults([{ operation: '*', kind: 'store-then-500', count: 1 }]);
    const init = {
      method: 'POST',
      body: JSON.stringify({ name: 'stored-then-failed-room' }),
      headers: { 'idempotency-key': 'room-1' },
    };
    expect((await server.json('/unified/messaging/conversations', init)).status).toBe(500);
    const replay = await server.json('/unified/messaging/conversations', init);
    expect(replay.status).toBe(201);
    const rows = server.db.prepare("SELECT id FROM conversations WHERE name = 'stored-then-failed-room'").all();
    expect(rows).toEqual([{ id: replay.body.data.id }]);
  });

  it('store-then-500 leaves a failed write’s own answer alone', async () => {
    await server.setFaults([{ operation: 'send_message', kind: 'store-then-500' }]);
    const res = await server.json('/unified/messaging/messages', { method: 'POST', body: '{' });
    expect(res.status).toBe(400);
  });

  it('lets auth and account checks win, and leaves /accounts alone', async () => {
    await server.setFaults([{ operation: '*', kind: '500' }]);
    const unauthorized = await server.json('/unified/messaging/users', { headers: { authorization: 'Basic eDo=' } });
    expect(unauthorized.status).toBe(401);
    expect((await server.json('/unified/messaging/users', { account: null })).status).toBe(400);
    expect((await server.json('/unified/messaging/users', { account: 'no-such-account' })).status).toBe(404);
    expect((await server.json('/accounts')).status).toBe(200);
    expect((await server.json('/unified/messaging/channels')).status).toBe(404);
    expect((await server.json('/unified/messaging/users')).status).toBe(500);
  });

  it('is in force from the start with SANDBOX_FAULTS', async () => {
    const configured = createTestServer({
      seed: { messages: 0 },
      config: { sandboxFaults: [{ operation: 'get_user', kind: '502', rate: 1 }] },
    });
    expect((await configured.json('/unified/messaging/users/anyone')).status).toBe(502);
    expect((await configured.json('/unified/messaging/users')).status).toBe(200);
    configured.close();
  });
});

describe('operationOf', () => {
  it('names the operation of a sandbox path, wherever the sandbox is mounted', () => {
    expect(operationOf('GET', '/sandbox/unified/messaging/conversations')).toBe('list_conversations');
    expect(operationOf('POST', '/sandbox/unified/messaging/conversations')).toBe('create_conversation');
    expect(operationOf('GET', '/unified/messaging/conversations/c1/messages')).toBe('list_conversation_messages');
    expect(operationOf('GET', '/sandbox/unified/messaging/messages/m1/attachments/a1/download')).toBe(
      'download_messaging_attachment',
    );
    expect(operationOf('DELETE', '/sandbox/unified/messaging/messages/m1')).toBeNull();
    expect(operationOf('GET', '/sandbox/accounts')).toBeNull();
  });
});
