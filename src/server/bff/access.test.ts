import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing';
import { serveFetch, someAttachment } from './testing-bff';

describe('the account allowlist (STACKONE_ACCOUNT_IDS)', () => {
  const probe = createTestServer({ seed: { messages: 300 } });
  const [allowed, refused] = probe.accounts;
  probe.close();
  const server = createTestServer({
    seed: { messages: 300 },
    config: { stackoneAccountIds: [allowed!.id, 'not-linked'] },
  });
  afterAll(() => server.close());

  it('lists only the allowed accounts', async () => {
    const res = await server.apiJson('/accounts', { account: null });
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id)).toEqual([allowed!.id]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 403 for any other account, reads and writes alike', async () => {
    const read = await server.apiJson('/unified/messaging/conversations', { account: refused!.id });
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ statusCode: 403, message: expect.stringContaining(refused!.id) });
    expect(read.headers.get('x-inbox-session')).toBeNull();
    const write = await server.apiJson('/unified/messaging/messages', {
      method: 'POST',
      account: refused!.id,
      body: JSON.stringify({ recipient: 'x', content: 'y' }),
    });
    expect(write.status).toBe(403);
    const ok = await server.apiJson('/unified/messaging/conversations?page_size=1', { account: allowed!.id });
    expect(ok.status).toBe(200);
  });
});

describe('upstream rate limits', () => {
  const server = createTestServer({ seed: { messages: 300 }, config: { sandboxRateLimit: 2 } });
  afterAll(() => server.close());

  it('passes a 429 through with its Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await server.api(`/unified/messaging/users?page_size=${i + 1}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ statusCode: 429 });
  });
});

describe('the API key', () => {
  const key = 'sk_canary_6b1f0e2d9c';
  const server = createTestServer({ seed: { messages: 600 }, config: { sandboxApiKey: key } });
  afterAll(() => server.close());
  const basic = Buffer.from(`${key}:`).toString('base64');

  it('never appears in any answer of /api', async () => {
    const file = someAttachment(server);
    const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
    const requests: [string, Parameters<typeof server.api>[1]][] = [
      ['/session', { session: null }],
      ['/accounts', {}],
      ['/unified/messaging/conversations?raw=true', {}],
      [`/unified/messaging/conversations/${file.conversation}?raw=true`, {}],
      [`/unified/messaging/conversations/${file.conversation}/messages?raw=true`, {}],
      [`/unified/messaging/messages/${file.message}?raw=true`, {}],
      [`/unified/messaging/messages/${file.message}/attachments?raw=true`, {}],
      [`${file.base}?raw=true`, {}],
      [file.download, {}],
      [`${file.download}?format=base64`, {}],
      ['/unified/messaging/users?raw=true', {}],
      [`/unified/messaging/users/${file.user}?raw=true`, {}],
      ['/unified/messaging/messages', post({ recipient: file.conversation, content: 'canary' })],
      ['/unified/messaging/conversations', post({ name: 'canary-room', participants: [file.user] })],
      ['/unified/messaging/messages', post({ recipient: 'nobody', content: 'x' })],
      ['/unified/messaging/messages/missing', {}],
      ['/unified/messaging/conversations', { account: null }],
      ['/unified/messaging/conversations', { account: 'unknown-account' }],
      ['/unified/messaging/nothing', {}],
      ['/accounts', { session: null }],
    ];
    for (const [path, init] of requests) {
      const res = await server.api(path, init);
      const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
      const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      for (const secret of [key, basic]) {
        expect(text.includes(secret), `${path} body`).toBe(false);
        expect(headers.includes(secret), `${path} headers`).toBe(false);
      }
    }
  });
});

describe('the per-session limits on /api', () => {
  const server = createTestServer({ seed: { messages: 600 }, config: { apiRateLimit: 5, apiWriteRateLimit: 2 } });
  afterAll(() => server.close());

  it('answers 429 with Retry-After once a session has spent its minute, and leaves other sessions alone', async () => {
    const first = await server.newSession();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await server.api('/unified/messaging/users?page_size=1', { session: first });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ statusCode: 429, message: expect.stringContaining('this session') });
    const second = await server.newSession();
    expect((await server.api('/unified/messaging/users?page_size=1', { session: second })).status).toBe(200);
  });

  it('counts writes on their own, stricter limit', async () => {
    const session = await server.newSession();
    const file = someAttachment(server);
    const send = {
      method: 'POST',
      body: JSON.stringify({ recipient: file.conversation, content: 'limited' }),
      session,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await server.api('/unified/messaging/messages', send)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('the per-client limit on requests without a session', () => {
  it('answers 429 to an address that keeps coming without a session, over real HTTP', async () => {
    const server = createTestServer({ seed: { messages: 0 } });
    const http = await serveFetch(server.app.fetch);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 310; i++) {
      const res = await fetch(`${http.origin}/api/unified/messaging/conversations`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 300, 429: 10 });
    await http.close();
    server.close();
  });
});
