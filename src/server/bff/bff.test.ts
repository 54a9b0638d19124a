import { afterAll, describe, expect, it } from 'vitest';
import { CreateResultSchema, paginated, result } from '../../contract/envelopes';
import { LinkedAccountListSchema } from '../../contract/accounts';
import { AttachmentSchema, ConversationSchema, MessageSchema, UserSchema } from '../../contract/models';
import { createTestServer } from '../testing';
import { someAttachment } from './testing-bff';

// The BFF over the in-process sandbox; stackone-mode.test.ts runs the same path over real HTTP.
const server = createTestServer({ seed: { messages: 1_500 } });
afterAll(() => server.close());
const file = someAttachment(server, 'image/png');

describe('the BFF forwards every operation', () => {
  it('lists linked accounts', async () => {
    const res = await server.apiJson('/accounts', { account: null });
    expect(res.status).toBe(200);
    expect(LinkedAccountListSchema.parse(res.body).map((a) => a.id)).toEqual(server.accounts.map((a) => a.id));
  });

  it('lists conversations with the query string passed through, page after page', async () => {
    const first = await server.apiJson('/unified/messaging/conversations?page_size=3&fields=id,name');
    expect(first.status).toBe(200);
    const page = paginated(ConversationSchema).parse(first.body);
    expect(page.data).toHaveLength(3);
    expect(Object.keys(page.data![0]!).sort()).toEqual(['id', 'name']);
    const second = await server.apiJson(`/unified/messaging/conversations?page_size=3&next=${page.next}`);
    expect(second.body.data[0].id).not.toBe(page.data![0]!.id);
    const direct = await server.json(`/unified/messaging/conversations?page_size=3&next=${page.next}`);
    expect(second.body).toEqual(direct.body);
  });

  it('gets a conversation, its messages, a message, its attachments, an attachment, users and a user', async () => {
    const conversation = await server.apiJson(`/unified/messaging/conversations/${file.conversation}`);
    expect(result(ConversationSchema).parse(conversation.body).data?.id).toBe(file.conversation);
    const messages = await server.apiJson(`/unified/messaging/conversations/${file.conversation}/messages?page_size=5`);
    expect(paginated(MessageSchema).parse(messages.body).data).toHaveLength(5);
    const message = await server.apiJson(`/unified/messaging/messages/${file.message}?raw=true`);
    expect(result(MessageSchema).parse(message.body).data?.id).toBe(file.message);
    expect(message.body.raw).toHaveLength(1);
    const attachments = await server.apiJson(`/unified/messaging/messages/${file.message}/attachments`);
    expect(
      paginated(AttachmentSchema)
        .parse(attachments.body)
        .data!.map((a) => a.id),
    ).toContain(file.attachment);
    const attachment = await server.apiJson(file.base);
    expect(result(AttachmentSchema).parse(attachment.body).data?.file_size).toBe(file.bytes.length);
    const users = await server.apiJson('/unified/messaging/users?page_size=10');
    expect(paginated(UserSchema).parse(users.body).data).toHaveLength(10);
    const user = await server.apiJson(`/unified/messaging/users/${file.user}`);
    expect(result(UserSchema).parse(user.body).data?.id).toBe(file.user);
    for (const res of [conversation, messages, message, attachments, attachment, users, user]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends a message (streamed body, Idempotency-Key passed on) and creates a conversation', async () => {
    const body = JSON.stringify({ recipient: file.conversation, content: 'Sent through the BFF' });
    const headers = { 'idempotency-key': 'bff-send-1' };
    const sent = await server.apiJson('/unified/messaging/messages', { method: 'POST', body, headers });
    expect(sent.status).toBe(201);
    const replay = await server.apiJson('/unified/messaging/messages', { method: 'POST', body, headers });
    expect(replay.body.data.id).toBe(CreateResultSchema.parse(sent.body).data.id);
    const got = await server.apiJson(`/unified/messaging/messages/${sent.body.data.id}`);
    expect(got.body.data.content.plain).toBe('Sent through the BFF');

    const participants = [file.user];
    const created = await server.apiJson('/unified/messaging/conversations', {
      method: 'POST',
      body: JSON.stringify({ name: 'bff-room', participants }),
    });
    expect(created.status).toBe(201);
    expect(CreateResultSchema.parse(created.body).data.id).toBeTruthy();
  });

  it('passes upstream errors through in StackOne’s shape', async () => {
    const missing = await server.apiJson('/unified/messaging/messages/no-such-message');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: expect.stringContaining('no-such-message') });
    const bad = await server.apiJson('/unified/messaging/users?page_size=1000');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});

describe('downloads through the BFF', () => {
  it('streams the stored bytes with download headers', async () => {
    const res = await server.api(file.download);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(file.bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(file.bytes.length));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toMatch(/\bprivate\b/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('passes format=base64 on', async () => {
    const res = await server.api(`${file.download}?format=base64`);
    expect(await res.text()).toBe(file.bytes.toString('base64'));
  });

  it('passes export_format on, and the upstream refusal of a conversion it cannot make', async () => {
    const text = someAttachment(server, 'text/plain');
    const res = await server.api(`${text.download}?export_format=text/plain`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(Buffer.from(await res.arrayBuffer()).equals(text.bytes)).toBe(true);
    const refused = await server.apiJson(`${file.download}?export_format=application/pdf`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ statusCode: 422, message: expect.stringContaining('export') });
  });
});

describe('what the BFF refuses', () => {
  it('answers 404 for paths and methods that are not StackOne operations', async () => {
    const cases: [string, string][] = [
      ['GET', '/unified/messaging/channels'],
      ['DELETE', '/unified/messaging/messages/abc'],
      ['PUT', '/unified/messaging/conversations'],
      ['POST', '/unified/messaging/users'],
      ['GET', '/unified/messaging/messages/abc/attachments/def/download/more'],
      ['GET', '/unified/hris/employees'],
      ['GET', '/sandbox/accounts'],
      ['GET', '/unified/messaging/users/%2E%2E'],
      ['GET', ''],
    ];
    for (const [method, path] of cases) {
      const res = await server.apiJson(path, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, message: expect.any(String), timestamp: expect.any(String) });
    }
  });

  it('answers 400 when a messaging request names no account, before forwarding', async () => {
    const res = await server.apiJson('/unified/messaging/conversations', { account: null });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('x-account-id');
  });

  it('uses the server key, not the browser’s Authorization header', async () => {
    const res = await server.api('/unified/messaging/users?page_size=1', {
      headers: { authorization: 'Basic d3Jvbmc6' },
    });
    expect(res.status).toBe(200);
  });
});
