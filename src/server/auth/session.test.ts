import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing';
import { csrfToken, newSessionCookie, renewedSessionCookie, verifySessionCookie } from './session';

const server = createTestServer({ seed: { messages: 300 }, config: { sessionSecret: 'a-test-secret-of-some-length' } });
afterAll(() => server.close());
const send = { method: 'POST', body: JSON.stringify({ recipient: 'nobody@example.com', content: 'hi' }) };

describe('GET /api/inbox/session', () => {
  it('sets a signed, HttpOnly, SameSite=Strict cookie on /api and answers the CSRF token and the mode', async () => {
    const res = await server.app.request('/api/inbox/session');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^inbox_session=[\w-]+\.[\w-]{43};/);
    expect(cookie).toMatch(/; Max-Age=28800/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({ csrfToken: expect.any(String), mode: 'sandbox', auth: 'none', person: null, access: 'all' });
    const session = verifySessionCookie('a-test-secret-of-some-length', cookie.split(';')[0]!.split('=')[1]);
    expect(body.csrfToken).toBe(csrfToken('a-test-secret-of-some-length', session!.id));
  });

  it('keeps a valid cookie and replaces a forged one', async () => {
    const { cookie, csrfToken: token } = await server.newSession();
    const again = await server.app.request('/api/inbox/session', { headers: { cookie } });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await again.json()).csrfToken).toBe(token);
    const forged = await server.app.request('/api/inbox/session', { headers: { cookie: `${cookie.slice(0, -2)}xx` } });
    expect(forged.headers.get('set-cookie')).toMatch(/^inbox_session=/);
    expect((await forged.json()).csrfToken).not.toBe(token);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const direct = await server.app.request('https://localhost/api/inbox/session');
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
    const proxied = await server.app.request('/api/inbox/session', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});

describe('every other /api route needs the session', () => {
  it('answers 401 without a cookie, with a forged cookie, and with another server’s cookie', async () => {
    const other = newSessionCookie('another-secret-entirely');
    const forged = `inbox_session=${'A'.repeat(32)}.${'B'.repeat(43)}`;
    for (const cookie of [undefined, forged, `inbox_session=${other.value}`, 'inbox_session=garbage']) {
      for (const path of ['/api/accounts', '/api/unified/messaging/conversations']) {
        const res = await server.app.request(path, { headers: cookie ? { cookie } : {} });
        expect(res.status, `${path} ${cookie}`).toBe(401);
        expect(res.headers.get('x-inbox-session')).toBe('invalid');
        expect(await res.json()).toEqual({
          statusCode: 401,
          message: 'Session missing or expired: reload the page',
          timestamp: expect.any(String),
        });
      }
    }
  });

  it('answers 403 to a write without the CSRF token or with a wrong one, and forwards it with the right one', async () => {
    const session = await server.newSession();
    const without = await server.apiJson('/unified/messaging/messages', {
      ...send,
      session: { ...session, csrfToken: '' },
    });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('CSRF') });
    const other = await server.newSession();
    const wrong = await server.apiJson('/unified/messaging/messages', {
      ...send,
      session: { cookie: session.cookie, csrfToken: other.csrfToken },
    });
    expect(wrong.status).toBe(403);
    const right = await server.apiJson('/unified/messaging/messages', { ...send, session });
    expect(right.status).toBe(422); // forwarded: the sandbox knows no such recipient
    const noCookie = await server.apiJson('/unified/messaging/messages', {
      ...send,
      session: null,
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(noCookie.status).toBe(401);
  });

  it('takes writes only from its own origin, by Fetch Metadata or else by Origin, and only as JSON', async () => {
    const session = await server.newSession();
    const from = (headers: Record<string, string>) =>
      server.apiJson('/unified/messaging/messages', { ...send, session, headers });
    const refusedHeaders: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
    ];
    for (const headers of refusedHeaders) {
      const refused = await from(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body.message).toMatch(/own pages only/);
    }
    expect((await from({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost' })).status).toBe(422);
    expect((await from({ origin: 'http://localhost' })).status).toBe(422);
    const form = await from({ 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ statusCode: 415, message: expect.stringContaining('JSON') });
  });

  it('needs no CSRF token for reads', async () => {
    const session = await server.newSession();
    const res = await server.api('/unified/messaging/users?page_size=1', { session: { ...session, csrfToken: '' } });
    expect(res.status).toBe(200);
  });
});

describe('session lifetimes', () => {
  const secret = 'a-test-secret-of-some-length';
  const lifetimes = { idleSeconds: 3600, maxSeconds: 24 * 3600 };
  const start = Date.parse('2026-12-01T09:00:00Z');
  const minutes = (n: number) => n * 60_000;

  it('ends a session idle for longer than the idle time, and any session past its maximum age', () => {
    const { value } = newSessionCookie(secret, start);
    expect(verifySessionCookie(secret, value, lifetimes, start + minutes(59))).not.toBeNull();
    expect(verifySessionCookie(secret, value, lifetimes, start + minutes(61))).toBeNull();
    // Kept alive by use, it still ends at its maximum age.
    let session = verifySessionCookie(secret, value, lifetimes, start)!;
    for (let at = start + minutes(50); at < start + minutes(24 * 60); at += minutes(50)) {
      const renewed = renewedSessionCookie(secret, session, at)!;
      session = verifySessionCookie(secret, renewed, lifetimes, at)!;
      expect(session, new Date(at).toISOString()).not.toBeNull();
    }
    const last = renewedSessionCookie(secret, session, start + minutes(24 * 60 + 1))!;
    expect(verifySessionCookie(secret, last, lifetimes, start + minutes(24 * 60 + 1))).toBeNull();
  });

  it('refuses a cookie whose times or person were changed', () => {
    const { value } = newSessionCookie(secret, start, {
      sub: 'password Ada',
      name: 'Ada',
      email: null,
      via: 'password',
      tenants: ['acme-robotics'],
    });
    const [payload, mac] = value.split('.');
    const packed = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(verifySessionCookie(secret, value, lifetimes, start)?.person?.tenants).toEqual(['acme-robotics']);
    const changes = [
      [packed[0], Math.floor(Date.now() / 1000), packed[2], packed[3]],
      [packed[0], packed[1], packed[2], [...packed[3].slice(0, 4), null]],
      [packed[0], packed[1], packed[2], [...packed[3].slice(0, 4), ['northwind-health']]],
    ];
    for (const changed of changes) {
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`;
      expect(verifySessionCookie(secret, forged, lifetimes, start)).toBeNull();
    }
  });

  it('renews the cookie of an active session on its answers, at most once a minute', async () => {
    const idle = createTestServer({
      seed: { messages: 0 },
      config: { sessionSecret: secret, sessionLifetimes: { idleSeconds: 3600, maxSeconds: 86_400 } },
    });
    const old = newSessionCookie(secret, Date.now() - minutes(30));
    const cookie = `inbox_session=${old.value}`;
    const first = await idle.app.request('/api/accounts', { headers: { cookie } });
    expect(first.status).toBe(200);
    const renewed = first.headers.get('set-cookie')!;
    expect(renewed).toMatch(/^inbox_session=/);
    const session = verifySessionCookie(secret, renewed.split(';')[0]!.split('=')[1], {
      idleSeconds: 60,
      maxSeconds: 86_400,
    });
    expect(session?.id).toBe(old.session.id);
    const again = await idle.app.request('/api/accounts', { headers: { cookie: renewed.split(';')[0]! } });
    expect(again.headers.get('set-cookie')).toBeNull();
    const expired = newSessionCookie(secret, Date.now() - minutes(61));
    const refused = await idle.app.request('/api/accounts', { headers: { cookie: `inbox_session=${expired.value}` } });
    expect(refused.status).toBe(401);
    idle.close();
  });
});
