import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../contract/envelopes';
import { readConfig } from '../config';
import { createTestServer } from '../testing';

const server = createTestServer();

/** Every kind of route the server has: the app, its assets, the API, the sandbox and its fault admin. */
const routes: [string, RequestInit][] = [
  ['/', {}],
  ['/a/some-account', {}],
  ['/assets/main.js', {}],
  ['/healthz', {}],
  ['/api/inbox/session', {}],
  ['/api/unified/messaging/conversations', {}],
  ['/sandbox/unified/messaging/conversations', { headers: { authorization: server.auth } }],
  ['/sandbox/_faults', { method: 'PUT', body: '[{"operation":"*","kind":"500","rate":1}]' }],
];

async function expectStackOneError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  expect(ErrorBodySchema.safeParse(await response.json()).success).toBe(true);
}

describe('the host allowlist', () => {
  it('refuses a foreign Host on every route with 421, so a rebinding page reaches nothing', async () => {
    for (const [path, init] of routes) {
      const headers = new Headers(init.headers);
      headers.set('host', 'rebind.attacker.example');
      const response = await server.app.request(`http://rebind.attacker.example${path}`, { ...init, headers });
      await expectStackOneError(response, 421);
    }
    // The refused PUT switched nothing on.
    const faults = await server.app.request('/sandbox/_faults');
    expect((await faults.json()).rules).toEqual([]);
  });

  it('answers loopback names and addresses, with or without a port', async () => {
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'inbox.localhost']) {
      const response = await server.app.request('/healthz', { headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });

  it('answers PUBLIC_URL and ALLOWED_HOSTS, and nothing that only looks like them', async () => {
    const team = createTestServer({
      config: readConfig({
        LOG_LEVEL: 'silent',
        PUBLIC_URL: 'https://inbox.example.com',
        ALLOWED_HOSTS: 'inbox.internal, Other.Example',
      }),
    });
    for (const host of ['inbox.example.com', 'inbox.example.com:443', 'inbox.internal', 'other.example']) {
      expect((await team.app.request('/healthz', { headers: { host } })).status, host).toBe(200);
    }
    for (const host of ['inbox.example.com.evil.example', 'evil.inbox.example.com', 'inbox.example', '']) {
      expect((await team.app.request('http://x/healthz', { headers: { host } })).status, host).toBe(421);
    }
    team.close();
  });
});

describe('headers on every answer', () => {
  it('sends nosniff, no caching of JSON, a deny-all Permissions-Policy and COOP on the API, the sandbox and the health check', async () => {
    const answers = [
      await server.app.request('/healthz'),
      await server.sandbox('/unified/messaging/conversations'),
      await server.sandbox('/unified/messaging/nothing-here'),
      await server.api('/unified/messaging/conversations'),
      await server.app.request('/api/unified/messaging/conversations'),
    ];
    for (const response of answers) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
      expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('adds HSTS when the inbox is served over https', async () => {
    const team = createTestServer({
      config: readConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://inbox.example.com' }),
    });
    const response = await team.app.request('/healthz', { headers: { host: 'inbox.example.com' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    team.close();
  });
});

/** A body of `size` bytes sent chunked, without a Content-Length. */
function chunked(size: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  const bytes = new Uint8Array(chunk).fill(0x61);
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += chunk;
      controller.enqueue(bytes);
    },
  });
}

describe('request bodies', () => {
  it('refuses a chunked body over 1 MiB on the API and on the sandbox with 413, without reading it all', async () => {
    const { cookie, csrfToken } = await server.newSession();
    const targets: [string, Record<string, string>][] = [
      ['/api/unified/messaging/messages', { cookie, 'x-csrf-token': csrfToken }],
      ['/sandbox/unified/messaging/messages', { authorization: server.auth }],
    ];
    for (const [path, extra] of targets) {
      const response = await server.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-account-id': server.accounts[0]!.id, ...extra },
        body: chunked(64 * 1024 * 1024),
        duplex: 'half',
      } as RequestInit);
      await expectStackOneError(response, 413);
    }
  });
});
