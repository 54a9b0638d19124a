import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../../testing';
import { isLocalRequest, isLoopbackAddress, parseAdminBody } from './admin';

const server = createTestServer({ seed: { messages: 0 } });
afterAll(() => server.close());

// No API key: the route is a test hook, guarded by where the request comes from.
const admin = (method: string, body?: unknown, headers: Record<string, string> = {}) =>
  server.app.request('/sandbox/_faults', {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

describe('who may use the admin route', () => {
  it('knows loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '192.168.1.2',
      '::ffff:10.0.0.1',
      '::2',
      '127.0.0.1.evil',
      'fe80::1',
    ]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it('takes loopback sockets and in-process requests (no socket), never proxied ones', () => {
    const none = new Headers();
    expect(isLocalRequest(undefined, none)).toBe(true);
    expect(isLocalRequest({ remoteAddress: '127.0.0.1' }, none)).toBe(true);
    expect(isLocalRequest({ remoteAddress: '::1' }, none)).toBe(true);
    expect(isLocalRequest({ remoteAddress: '203.0.113.9' }, none)).toBe(false);
    expect(isLocalRequest({}, none)).toBe(false);
    expect(isLocalRequest({ remoteAddress: '127.0.0.1' }, new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe(
      false,
    );
    expect(isLocalRequest(undefined, new Headers({ forwarded: 'for=203.0.113.9' }))).toBe(false);
  });
});

describe('GET, PUT and DELETE /sandbox/_faults', () => {
  it('sets, reads and clears the rules, and the rules take effect', async () => {
    expect(await (await admin('GET')).json()).toEqual({ seed: 1, rules: [] });
    const put = await admin('PUT', [{ operation: 'list_users', kind: '502', count: 1 }]);
    expect(put.status).toBe(200);
    expect(put.headers.get('cache-control')).toBe('no-store');
    const state = { seed: 1, rules: [{ operation: 'list_users', kind: '502', rate: 1, count: 1, remaining: 1 }] };
    expect(await put.json()).toEqual(state);
    expect(await (await admin('GET')).json()).toEqual(state);
    expect((await server.json('/unified/messaging/users')).status).toBe(502);
    expect((await (await admin('GET')).json()).rules[0].remaining).toBe(0);

    await admin('PUT', { rules: [{ operation: '*', kind: '429', retryAfter: 3 }], seed: 9 });
    expect((await server.json('/unified/messaging/users')).headers.get('retry-after')).toBe('3');
    const cleared = await admin('DELETE');
    expect(await cleared.json()).toEqual({ seed: 9, rules: [] });
    expect((await server.json('/unified/messaging/users')).status).toBe(200);
  });

  it('takes back what GET answered', async () => {
    await admin('PUT', [{ operation: 'get_user', kind: 'delay', delayMs: 5, count: 2 }]);
    const state = await (await admin('GET')).json();
    expect((await admin('PUT', state)).status).toBe(200);
    await admin('DELETE');
  });

  it('refuses a bad body with 400 naming the bad rule, and keeps the rules it had', async () => {
    await admin('PUT', [{ operation: 'get_user', kind: '500' }]);
    const bad: [unknown, RegExp][] = [
      ['{', /not valid JSON/],
      [{ operation: 'get_user', kind: '500' }, /Unknown field "operation"/],
      ['"rules"', /must be a list of rules/],
      [
        [
          { operation: 'get_user', kind: '500' },
          { operation: 'get_user', kind: '503' },
        ],
        /^rules\[1\]: kind must be/,
      ],
      [[{ operation: 'get_user', kind: '500', rat: 0.5 }], /^rules\[0\]: unknown field "rat"/],
      [[{ operation: 'get_user', kind: 'delay' }], /^rules\[0\]: delay needs delayMs/],
      [[{ operation: 'get_user', kind: '500', rate: 2 }], /rate must be a number from 0 to 1/],
      [{ rules: [], seed: -1 }, /seed must be a whole number/],
      [Array.from({ length: 101 }, () => ({ operation: '*', kind: '500' })), /At most 100 rules/],
    ];
    for (const [body, message] of bad) {
      const res = await admin('PUT', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()) as { statusCode: number; message: string };
      expect(error).toMatchObject({ statusCode: 400, message: expect.stringMatching(message) });
    }
    expect((await (await admin('GET')).json()).rules).toHaveLength(1);
    await admin('DELETE');
  });

  it('exists only for GET, PUT and DELETE, and not behind a proxy', async () => {
    expect((await admin('POST', [])).status).toBe(404);
    const proxied = await admin('GET', undefined, { 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.status).toBe(404);
    expect(await proxied.json()).toMatchObject({ statusCode: 404, message: 'No route for GET /sandbox/_faults' });
  });

  it('does not exist with SANDBOX_ADMIN=off', async () => {
    const locked = createTestServer({ seed: { messages: 0 }, config: { sandboxAdmin: false } });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await locked.app.request('/sandbox/_faults', { method, ...(method === 'PUT' ? { body: '[]' } : {}) });
      expect(res.status, method).toBe(404);
      expect(await res.json()).toEqual({
        statusCode: 404,
        message: `No route for ${method} /sandbox/_faults`,
        timestamp: expect.any(String),
      });
    }
    await expect(locked.setFaults([])).rejects.toThrow(/404/);
    locked.close();
  });
});

describe('parseAdminBody', () => {
  it('takes a list or {rules, seed}', () => {
    expect(parseAdminBody('[]')).toEqual({ ok: true, value: { rules: [] } });
    expect(parseAdminBody('{"rules":[{"operation":"*","kind":"drop","rate":0.5}],"seed":3}')).toEqual({
      ok: true,
      value: { rules: [{ operation: '*', kind: 'drop', rate: 0.5 }], seed: 3 },
    });
  });
});
