import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { operations } from '../../contract/operations';
import { captureLog, createTestServer } from '../testing';
import { startTestOidcProvider, TEST_CLIENT } from './testing-oidc-provider';

const INBOX = 'http://127.0.0.1:4999';
let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;
let claimInbox: ReturnType<typeof createTestServer>;
let domainInbox: ReturnType<typeof createTestServer>;
const log = captureLog();

function inboxFor(env: Record<string, string>, logger = log.logger) {
  const config = readConfig({
    INBOX_AUTH: 'oidc',
    PUBLIC_URL: INBOX,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.id,
    OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    ...env,
  });
  return createTestServer({
    seed: { messages: 300 },
    config: { inboxAuth: config.inboxAuth, oidc: config.oidc, publicUrl: config.publicUrl },
    logger,
  });
}

beforeAll(async () => {
  provider = await startTestOidcProvider({ inboxOrigin: INBOX });
  claimInbox = inboxFor({ OIDC_TENANT_CLAIM: 'tenants' });
  domainInbox = inboxFor({ OIDC_TENANT_DOMAINS: 'acmerobotics.com:acme-robotics' });
});
afterAll(async () => {
  claimInbox.close();
  domainInbox.close();
  await provider.close();
});

/** A browser of one: cookies per host (path and expiry as far as the tests need them), redirects followed by hand. */
function browser(inbox: ReturnType<typeof createTestServer>) {
  const jars = new Map<string, Map<string, string>>();
  const jar = (url: URL) => jars.get(url.host) ?? jars.set(url.host, new Map()).get(url.host)!;

  async function request(href: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(href);
    const cookies = [...jar(url)].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    const response =
      url.origin === INBOX
        ? await inbox.app.request(url.href, { ...init, headers })
        : await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')).trim(), pair!.slice(pair!.indexOf('=') + 1)];
      if (attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '') jar(url).delete(name);
      else jar(url).set(name, value);
    }
    return response;
  }

  /** Follows redirects, answering the provider's login page as `login`, until a page of the inbox is reached. */
  async function navigate(href: string, login: string): Promise<URL> {
    let url = new URL(href);
    for (let hop = 0; hop < 20; hop++) {
      const response = await request(url.href);
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url);
        continue;
      }
      if (url.origin === INBOX) return url;
      const page = await response.text();
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`Stuck at ${url.href}: ${page.slice(0, 300)}`);
      const answer = await request(new URL(action, url).href, {
        method: 'POST',
        body: new URLSearchParams({ login }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      url = new URL(answer.headers.get('location')!, url);
    }
    throw new Error('Too many redirects');
  }

  async function signIn(login: string, returnTo = '/a/x/c/y'): Promise<URL> {
    return navigate(`${INBOX}/api/inbox/auth/sign-in?return=${encodeURIComponent(returnTo)}`, login);
  }

  const api = (path: string, init: RequestInit = {}) => request(`${INBOX}/api${path}`, init);
  const session = async () => (await api('/inbox/session')).json();
  return { request, navigate, signIn, api, session, jar: (host: string) => jars.get(host) };
}

const accountOf = (inbox: ReturnType<typeof createTestServer>, owner: string) =>
  inbox.accounts.find((account) => account.origin_owner_id === owner)!.id;

describe('INBOX_AUTH=oidc against a real OpenID provider', () => {
  it('signs in with the code flow and PKCE, lands where the person was going, and shows who they are', async () => {
    const ada = browser(claimInbox);
    const start = await ada.request(`${INBOX}/api/inbox/auth/sign-in?return=/a/x`);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${INBOX}/api/inbox/auth/callback`);
    expect(start.headers.get('set-cookie')).toMatch(
      /^inbox_sign_in=.*; Path=\/api\/inbox\/auth; HttpOnly; SameSite=Lax/,
    );

    const landed = await ada.signIn('ada', '/a/x/c/y?q=1');
    expect(landed.pathname + landed.search).toBe('/a/x/c/y?q=1');
    expect(ada.jar('127.0.0.1:4999')!.has('inbox_sign_in')).toBe(false);
    const session = await ada.session();
    expect(session).toMatchObject({
      auth: 'oidc',
      csrfToken: expect.any(String),
      person: { name: 'Ada Lovelace', email: 'ada@acmerobotics.com', via: 'oidc' },
      access: 'tenants',
    });
  });

  it("shows a person only their tenants' accounts, and refuses every other account by id", async () => {
    const ada = browser(claimInbox);
    await ada.signIn('ada');
    const acme = accountOf(claimInbox, 'acme-robotics');
    const accounts = await (await ada.api('/accounts')).json();
    expect(accounts.map((a: { id: string }) => a.id)).toEqual([acme]);
    const own = await ada.api('/unified/messaging/conversations', { headers: { 'x-account-id': acme } });
    expect(own.status).toBe(200);
    const conversation = (await own.json()).data[0].id;
    for (const owner of ['northwind-health', 'orbit-games']) {
      const other = accountOf(claimInbox, owner);
      for (const path of [
        '/unified/messaging/conversations',
        `/unified/messaging/conversations/${conversation}`,
        '/unified/messaging/users',
      ]) {
        const res = await ada.api(path, { headers: { 'x-account-id': other } });
        expect(res.status, `${owner} ${path}`).toBe(403);
        expect((await res.json()).message).toMatch(/is not one of your organisation's accounts/);
      }
    }
    const max = browser(claimInbox);
    await max.signIn('max');
    const both = (await (await max.api('/accounts')).json()).map((a: { id: string }) => a.id).sort();
    expect(both).toEqual([accountOf(claimInbox, 'acme-robotics'), accountOf(claimInbox, 'orbit-games')].sort());
  });

  it("refuses every operation on another tenant's account, downloads included, and logs who was refused", async () => {
    const ada = browser(claimInbox);
    await ada.signIn('ada');
    const { csrfToken } = await ada.session();
    const other = accountOf(claimInbox, 'northwind-health');
    for (const operation of operations.filter((o) => o.kind !== 'accounts')) {
      const path = operation.path.replace('{id}', 'some-id').replace('{subResourceId}', 'other-id');
      const res = await ada.api(path, {
        method: operation.method,
        body: operation.method === 'POST' ? JSON.stringify({ recipient: 'x', content: 'y' }) : undefined,
        headers: {
          'x-account-id': other,
          'content-type': 'application/json',
          'sec-fetch-site': 'same-origin',
          'x-csrf-token': csrfToken,
        },
      });
      expect(res.status, operation.id).toBe(403);
    }
    const refused = log.lines().filter((line) => line.event === 'refused' && line.account === other);
    expect(refused.length).toBeGreaterThanOrEqual(operations.length - 1);
    expect(refused[0]).toMatchObject({ person: 'ada@acmerobotics.com', status: 403 });
    const signIns = log.lines().filter((line) => line.event === 'sign-in');
    expect(signIns[0]).toMatchObject({ person: expect.stringMatching(/@/), path: '/api/inbox/auth/callback' });
    // Never a token, a code, a cookie or the client secret.
    const written = log.raw.join('\n');
    for (const secret of [csrfToken, TEST_CLIENT.secret, 'code=', 'inbox_session=', 'id_token']) {
      expect(written).not.toContain(secret);
    }
  });

  it('lets a person with no tenant in, to a "no access" answer rather than an empty inbox', async () => {
    const olu = browser(claimInbox);
    await olu.signIn('olu');
    expect(await olu.session()).toMatchObject({ person: { name: 'Olu Outsider' }, access: 'none' });
    expect(await (await olu.api('/accounts')).json()).toEqual([]);
    const res = await olu.api('/unified/messaging/conversations', {
      headers: { 'x-account-id': claimInbox.accounts[0]!.id },
    });
    expect(res.status).toBe(403);
  });

  it('maps verified email domains to tenants, and ignores unverified addresses', async () => {
    const ada = browser(domainInbox);
    await ada.signIn('ada');
    expect((await (await ada.api('/accounts')).json()).map((a: { id: string }) => a.id)).toEqual([
      accountOf(domainInbox, 'acme-robotics'),
    ]);
    const eve = browser(domainInbox);
    await eve.signIn('eve');
    expect(await eve.session()).toMatchObject({ person: { email: 'eve@acmerobotics.com' }, access: 'none' });
  });

  it('refuses a callback that does not match the sign-in it started, and says so on the sign-in page', async () => {
    const mallory = browser(claimInbox);
    const noFlow = await mallory.request(`${INBOX}/api/inbox/auth/callback?code=abc&state=def`);
    expect(noFlow.status).toBe(303);
    expect(decodeURIComponent(noFlow.headers.get('location')!)).toMatch(/^\/\?sign_in_error=The sign-in took too long/);
    await mallory.request(`${INBOX}/api/inbox/auth/sign-in`);
    const wrongState = await mallory.request(`${INBOX}/api/inbox/auth/callback?code=abc&state=not-the-state`);
    expect(decodeURIComponent(wrongState.headers.get('location')!)).toMatch(/did not confirm who you are/);
    const denied = await mallory.request(
      `${INBOX}/api/inbox/auth/callback?error=access_denied&error_description=The+user+said+no`,
    );
    expect(decodeURIComponent(denied.headers.get('location')!.replace(/\+/g, ' '))).toMatch(
      /The sign-in provider said: The user said no/,
    );
    expect((await mallory.session()).person).toBeNull();
  });

  it('never lands off the inbox after sign-in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/', '/\\evil.example', '/api/accounts']) {
      const person = browser(claimInbox);
      const landed = await person.signIn('ada', returnTo);
      expect(landed.href, returnTo).toBe(`${INBOX}/`);
    }
  });

  it('rotates the session at every sign-in, and signs out at the inbox and at the provider', async () => {
    const ada = browser(claimInbox);
    await ada.signIn('ada');
    const first = (await ada.session()).csrfToken;
    await ada.signIn('ada');
    const { csrfToken } = await ada.session();
    expect(csrfToken).not.toBe(first);
    const out = await ada.api('/inbox/auth/sign-out', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-csrf-token': csrfToken },
    });
    const { redirect } = await out.json();
    const end = new URL(redirect);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${INBOX}/`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await ada.session()).person).toBeNull();
    const after = await ada.api('/accounts');
    expect(after.status).toBe(401);
    expect(after.headers.get('x-inbox-session')).toBe('signed-out');
    // The provider's own sign-out page is reachable with what the inbox sent.
    const providerPage = await ada.request(redirect);
    expect(providerPage.status).toBe(200);
    expect(await providerPage.text()).toMatch(/Sign out of the test provider\?/);
  });

  it('says clearly when the provider cannot be reached', async () => {
    const config = readConfig({
      INBOX_AUTH: 'oidc',
      PUBLIC_URL: INBOX,
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'inbox',
      OIDC_TENANT_CLAIM: 'tenants',
    });
    const inbox = createTestServer({
      seed: { messages: 0 },
      config: { inboxAuth: 'oidc', oidc: config.oidc, publicUrl: config.publicUrl },
    });
    const res = await inbox.app.request(`${INBOX}/api/inbox/auth/sign-in`);
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location')!)).toMatch(
      /The sign-in provider at http:\/\/127.0.0.1:9\/ could not be reached/,
    );
    inbox.close();
  });
});
