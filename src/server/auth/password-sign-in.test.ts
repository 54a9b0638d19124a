import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { createTestServer } from '../testing';
import { newSessionCookie, verifySessionCookie } from './session';

const PASSWORD = 'correct horse battery staple';
const auth = readConfig({ INBOX_AUTH: 'password', INBOX_PASSWORD: PASSWORD, HOST: '0.0.0.0', TRUST_PROXY: '1' });
const secret = 'a-test-secret-of-some-length';
const server = createTestServer({
  seed: { messages: 300 },
  config: { inboxAuth: auth.inboxAuth, inboxPassword: auth.inboxPassword, trustProxy: 1, sessionSecret: secret },
});
afterAll(() => server.close());

let address = 0;
/** Each test signs in from its own client address, as the proxy in front of the server says. */
const nextAddress = () => `203.0.113.${++address}`;

function signIn(body: unknown, headers: Record<string, string> = {}) {
  return server.app.request('/api/inbox/auth/password', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
  });
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('INBOX_AUTH=password', () => {
  it('gives no session before sign-in: /api answers 401 signed-out, /api/inbox/session says who is not there', async () => {
    const session = await server.app.request('/api/inbox/session');
    expect(session.status).toBe(200);
    expect(session.headers.get('set-cookie')).toBeNull();
    expect(await session.json()).toEqual({
      mode: 'sandbox',
      auth: 'password',
      csrfToken: null,
      person: null,
      access: 'none',
    });
    const anonymous = newSessionCookie(secret);
    for (const cookie of [undefined, `inbox_session=${anonymous.value}`]) {
      const res = await server.app.request('/api/accounts', { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-inbox-session')).toBe('signed-out');
      expect((await res.json()).message).toBe('You are signed out: sign in again');
    }
  });

  it('signs in with the team password and a name, and then reads every account of the key', async () => {
    const res = await signIn(
      { password: PASSWORD, name: '  Grace Hopper\u0007 ' },
      { 'x-forwarded-for': nextAddress() },
    );
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/; HttpOnly; SameSite=Strict/);
    const cookie = cookieOf(res);
    const { csrfToken } = await res.json();
    const session = await (await server.app.request('/api/inbox/session', { headers: { cookie } })).json();
    expect(session).toEqual({
      mode: 'sandbox',
      auth: 'password',
      csrfToken,
      person: { name: 'Grace Hopper', email: null, via: 'password' },
      access: 'all',
    });
    const accounts = await server.app.request('/api/accounts', { headers: { cookie } });
    expect((await accounts.json()).map((a: { id: string }) => a.id)).toEqual(server.accounts.map((a) => a.id));
  });

  it('starts a new session at every sign-in, never keeping the one the browser brought', async () => {
    const from = { 'x-forwarded-for': nextAddress() };
    const first = cookieOf(await signIn({ password: PASSWORD }, from));
    const second = await signIn({ password: PASSWORD }, { ...from, cookie: first });
    const ids = [first, cookieOf(second)].map((c) => verifySessionCookie(secret, c.split('=')[1])!.id);
    expect(ids[0]).not.toBe(ids[1]);
    expect(verifySessionCookie(secret, cookieOf(second).split('=')[1])!.person!.name).toBe('Team member');
  });

  it('refuses a wrong password, then every attempt from that address for a while, with a clear message', async () => {
    const from = { 'x-forwarded-for': `198.51.100.7, ${nextAddress()}` };
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await signIn({ password: `guess number ${attempt}` }, from);
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
      expect((await wrong.json()).message).toBe('That is not the team password');
    }
    const blocked = await signIn({ password: PASSWORD }, from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await blocked.json()).message).toBe('Too many wrong passwords from this address: try again in 15 minutes');
    // The address the client wrote itself into X-Forwarded-For is not believed; the proxy's entry is.
    const spoofed = await signIn(
      { password: PASSWORD },
      { 'x-forwarded-for': `${nextAddress()}, ${from['x-forwarded-for'].split(', ')[1]}` },
    );
    expect(spoofed.status).toBe(429);
    const elsewhere = await signIn({ password: PASSWORD }, { 'x-forwarded-for': nextAddress() });
    expect(elsewhere.status).toBe(200);
  });

  it('takes the password only as JSON from its own pages', async () => {
    const from = { 'x-forwarded-for': nextAddress() };
    expect((await signIn({ password: PASSWORD }, { ...from, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await signIn({ password: PASSWORD }, { ...from, 'content-type': 'text/plain' })).status).toBe(415);
    for (const body of [
      {},
      { password: 7 },
      { password: '' },
      { password: 'x'.repeat(5000) },
      { password: PASSWORD, name: 3 },
    ]) {
      const res = await signIn(body, from);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(await res.json()).toMatchObject({
        statusCode: 400,
        message: expect.any(String),
        timestamp: expect.any(String),
      });
    }
  });

  it('signs out: the cookie is ended and the old one no longer opens /api', async () => {
    const res = await signIn({ password: PASSWORD, name: 'Leaving' }, { 'x-forwarded-for': nextAddress() });
    const cookie = cookieOf(res);
    const { csrfToken } = await res.json();
    const noToken = await server.app.request('/api/inbox/auth/sign-out', {
      method: 'POST',
      body: '{}',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    });
    expect(noToken.status).toBe(403);
    const out = await server.app.request('/api/inbox/auth/sign-out', {
      method: 'POST',
      body: '{}',
      headers: {
        cookie,
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        'x-csrf-token': csrfToken,
      },
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ redirect: '/' });
    expect(out.headers.get('set-cookie')).toMatch(/^inbox_session=; Max-Age=0; Path=\/api/);
  });
});

describe('the sign-in settings', () => {
  it('starts on any HOST with sign-in, and says what is missing', () => {
    expect(() => readConfig({ INBOX_AUTH: 'password' })).toThrow(/INBOX_PASSWORD, at least 12 characters/);
    expect(() => readConfig({ INBOX_AUTH: 'password', INBOX_PASSWORD: 'short' })).toThrow(/at least 12/);
    expect(() => readConfig({ INBOX_AUTH: 'sso' })).toThrow(/none, password or oidc/);
    expect(() =>
      readConfig({
        INBOX_AUTH: 'oidc',
        OIDC_ISSUER: 'https://id.example',
        OIDC_CLIENT_ID: 'x',
        OIDC_TENANT_CLAIM: 't',
      }),
    ).toThrow(/PUBLIC_URL/);
    const oidc = { INBOX_AUTH: 'oidc', PUBLIC_URL: 'https://inbox.example', OIDC_CLIENT_ID: 'inbox' };
    expect(() => readConfig({ ...oidc, OIDC_ISSUER: 'https://id.example' })).toThrow(
      /OIDC_TENANT_CLAIM .* or OIDC_TENANT_DOMAINS/,
    );
    expect(() => readConfig({ ...oidc, OIDC_ISSUER: 'http://id.example', OIDC_TENANT_CLAIM: 't' })).toThrow(/https/);
    expect(() => readConfig({ ...oidc, OIDC_ISSUER: 'https://id.example', OIDC_TENANT_DOMAINS: 'nope' })).toThrow(
      /domain:tenant/,
    );
    const config = readConfig({
      ...oidc,
      HOST: '0.0.0.0',
      OIDC_ISSUER: 'https://id.example',
      OIDC_TENANT_DOMAINS: 'acme.com:acme-robotics, Acme.co.uk:acme-robotics,acme.com:acme-labs',
    });
    expect(config.oidc!.tenantDomains).toEqual(
      new Map([
        ['acme.com', ['acme-robotics', 'acme-labs']],
        ['acme.co.uk', ['acme-robotics']],
      ]),
    );
    expect(config.oidc!.clientSecret).toBeNull();
    expect(readConfig({ INBOX_AUTH: 'password', INBOX_PASSWORD: PASSWORD, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
