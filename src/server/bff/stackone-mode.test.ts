import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateResultSchema, paginated } from '../../contract/envelopes';
import { ConversationSchema } from '../../contract/models';
import { createTestServer, TEST_KEY } from '../testing';
import { serveFetch, someAttachment } from './testing-bff';

// The real-StackOne path for real: the BFF talks HTTP, with global fetch, to a second sandbox
// that stands in for api.stackone.com.
const stackone = createTestServer({ seed: { messages: 1_500 } });
const file = someAttachment(stackone, 'application/pdf');
let http: Awaited<ReturnType<typeof serveFetch>>;
let inbox: ReturnType<typeof createTestServer>;
const account = { account: stackone.accounts[0]!.id };

beforeAll(async () => {
  http = await serveFetch(stackone.app.fetch);
  inbox = createTestServer({
    seed: { messages: 0 },
    config: {
      stackoneApiKey: TEST_KEY,
      stackoneBaseUrl: `${http.origin}/sandbox`,
      sandboxApiKey: 'local-only',
      sandboxEnabled: false,
    },
  });
});
afterAll(async () => {
  inbox.close();
  await http.close();
  stackone.close();
});

describe('StackOne mode over HTTP', () => {
  it('serves no local sandbox and no fault admin unless asked for', async () => {
    for (const path of ['/sandbox/unified/messaging/conversations', '/sandbox/_faults', '/sandbox/openapi.json']) {
      const res = await inbox.app.request(path, { headers: { authorization: `Basic ${btoa('local-only:')}` } });
      expect(res.status, path).toBe(404);
    }
  });

  it('reports the mode in the session', async () => {
    const res = await inbox.app.request('/api/inbox/session');
    expect((await res.json()).mode).toBe('stackone');
  });

  it('lists accounts and conversations of the remote API, not the local sandbox', async () => {
    const accounts = await inbox.apiJson('/accounts', { account: null });
    expect(accounts.body.map((a: { id: string }) => a.id)).toEqual(stackone.accounts.map((a) => a.id));
    const page = await inbox.apiJson('/unified/messaging/conversations?page_size=4', account);
    expect(page.status).toBe(200);
    const direct = await stackone.json('/unified/messaging/conversations?page_size=4');
    expect(paginated(ConversationSchema).parse(page.body).data).toEqual(direct.body.data);
    const next = await inbox.apiJson(`/unified/messaging/conversations?page_size=4&next=${page.body.next}`, account);
    expect(next.body.data[0].id).not.toBe(page.body.data[0].id);
  });

  it('sends a message that the remote API stores', async () => {
    const sent = await inbox.apiJson('/unified/messaging/messages', {
      ...account,
      method: 'POST',
      body: JSON.stringify({ recipient: file.conversation, content: 'over the wire' }),
      headers: { 'idempotency-key': 'wire-1' },
    });
    expect(sent.status).toBe(201);
    const id = CreateResultSchema.parse(sent.body).data.id!;
    expect(stackone.store.messages.get(stackone.accounts[0]!.id, id)).toBeTruthy();
    const got = await inbox.apiJson(`/unified/messaging/messages/${id}`, account);
    expect(got.body.data.content.plain).toBe('over the wire');
  });

  it('streams a download byte for byte with its headers', async () => {
    const res = await inbox.api(file.download, account);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(file.bytes.length));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(Buffer.concat(chunks).equals(file.bytes)).toBe(true);
  });

  it('passes remote errors through', async () => {
    const res = await inbox.apiJson('/unified/messaging/conversations/nope', account);
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });
});
