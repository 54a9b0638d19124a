import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ServerConfig } from '../config';
import { cleanHeaderValue } from '../edge/file-headers';
import { errorAnswer, jsonAnswer } from '../bff/answers';
import type { ApiLimits } from '../bff/rate-limit';
import { createOidcSignIn, type SignInFlow, SignInError } from './oidc';
import { MAX_PASSWORD_LENGTH, passwordChecker } from './password';
import {
  checkSession,
  checkWrite,
  csrfToken,
  endedSessionCookieHeader,
  newSessionCookie,
  type Person,
  readSigned,
  renewedSessionCookie,
  requestOverHttps,
  sessionCookieHeader,
  sessionOf,
  signed,
} from './session';

/** Where these routes are mounted; the provider sends people back to `${INBOX_PREFIX}/auth/callback`. */
export const INBOX_PREFIX = '/api/inbox';
const AUTH_PATH = `${INBOX_PREFIX}/auth`;
const CALLBACK_PATH = `${AUTH_PATH}/callback`;

const FLOW_COOKIE = 'inbox_sign_in';
const ID_TOKEN_COOKIE = 'inbox_id_token';
const FLOW_SECONDS = 600;
/** ID tokens longer than this are not kept for sign-out (the cookie would not fit); sign-out then names the client. */
const MAX_ID_TOKEN = 3000;
const MAX_NAME = 80;

/** Who a log line names: an email address where there is one. */
export const personLabel = (person: Person) => person.email ?? person.name;

/** Only paths of this inbox's own pages are landed on after sign-in: never another site, never /api. */
export function safeReturnPath(text: string | undefined): string {
  if (!text || text.length > 2000 || !text.startsWith('/') || /^\/[/\\]/.test(text)) return '/';
  if (cleanHeaderValue(text) !== text || text.startsWith('/api')) return '/';
  return text;
}

function readFlow(payload: string): SignInFlow | null {
  try {
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const fields = ['verifier', 'state', 'nonce', 'returnTo'] as const;
    return fields.every((field) => typeof flow?.[field] === 'string') ? (flow as unknown as SignInFlow) : null;
  } catch {
    return null;
  }
}

function cookie(
  name: string,
  value: string,
  path: string,
  maxAge: number,
  sameSite: 'Lax' | 'Strict',
  secure: boolean,
) {
  return `${name}=${value}; Max-Age=${maxAge}; Path=${path}; HttpOnly; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}

/**
 * `GET /api/inbox/session` (who is signed in, with the CSRF token) and the sign-in routes of the configured mode:
 * `POST /auth/password`; `GET /auth/sign-in` → the provider → `GET /auth/callback`; `POST /auth/sign-out`.
 */
export function createAuthRoutes(config: ServerConfig, limits: ApiLimits, mode: 'sandbox' | 'stackone') {
  const app = new Hono();
  const { sessionSecret: secret, sessionLifetimes: lifetimes, inboxAuth: auth } = config;
  const signInRequired = auth !== 'none';

  function startSession(c: Context, person: Person) {
    const fresh = newSessionCookie(secret, Date.now(), person);
    c.header('Set-Cookie', sessionCookieHeader(fresh.value, requestOverHttps(c), lifetimes), { append: true });
    c.set('log', { event: 'sign-in', person: personLabel(person) });
    return fresh.session;
  }

  app.get('/session', async (c) => {
    let session = sessionOf(c, secret, lifetimes);
    if (session === null) {
      const limited = await limits.sessionless(c);
      if (limited) return limited;
    }
    if (signInRequired && session?.person == null) {
      return jsonAnswer(200, { mode, auth, csrfToken: null, person: null, access: 'none' });
    }
    // Without sign-in, a browser without a session gets a new anonymous one.
    let cookieValue: string | null;
    if (session === null) ({ session, value: cookieValue } = newSessionCookie(secret));
    else cookieValue = renewedSessionCookie(secret, session);
    const headers: Record<string, string> = {};
    if (cookieValue !== null) headers['Set-Cookie'] = sessionCookieHeader(cookieValue, requestOverHttps(c), lifetimes);
    const { person } = session;
    if (person) c.set('log', { person: personLabel(person) });
    return jsonAnswer(
      200,
      {
        mode,
        auth,
        csrfToken: csrfToken(secret, session.id),
        person: person && { name: person.name, email: person.email, via: person.via },
        access: person?.tenants == null ? 'all' : person.tenants.length > 0 ? 'tenants' : 'none',
      },
      headers,
    );
  });

  if (auth === 'password') {
    const check = passwordChecker(config.inboxPassword!);
    app.post('/auth/password', async (c) => {
      const refused = checkWrite(c);
      if (refused) return refused;
      const blocked = await limits.signInBlocked(c);
      if (blocked) return blocked;
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return errorAnswer(400, 'The body must be JSON: {"password": "…", "name": "…"}');
      }
      const { password, name } = (body ?? {}) as { password?: unknown; name?: unknown };
      if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
        return errorAnswer(400, 'Type the team password');
      }
      if (name !== undefined && typeof name !== 'string') return errorAnswer(400, 'name must be text');
      if (!(await (await check)(password))) {
        await limits.signInFailed(c);
        c.set('log', { event: 'sign-in-failed', reason: 'wrong password' });
        return errorAnswer(401, 'That is not the team password');
      }
      const shown =
        cleanHeaderValue(name ?? '')
          .trim()
          .slice(0, MAX_NAME) || 'Team member';
      const session = startSession(c, {
        sub: `password ${shown}`,
        name: shown,
        email: null,
        via: 'password',
        tenants: null,
      });
      return c.json({ csrfToken: csrfToken(secret, session.id) });
    });
  }

  const oidc = auth === 'oidc' ? createOidcSignIn(config.oidc!, config.publicUrl!, CALLBACK_PATH) : null;
  if (oidc !== null) {
    const failed = (c: Context, reason: string) => {
      c.set('log', { event: 'sign-in-failed', reason: reason.slice(0, 300) });
      return c.redirect(`/?sign_in_error=${encodeURIComponent(reason.slice(0, 300))}`, 303);
    };

    app.get('/auth/sign-in', async (c) => {
      const limited = await limits.sessionless(c);
      if (limited) return limited;
      let started: Awaited<ReturnType<typeof oidc.start>>;
      try {
        started = await oidc.start(safeReturnPath(c.req.query('return')));
      } catch (error) {
        return failed(c, error instanceof SignInError ? error.message : 'Sign-in could not start');
      }
      const flow = signed(secret, 'sign-in', Buffer.from(JSON.stringify(started.flow)).toString('base64url'));
      // Lax, not Strict: the provider sends the browser back with a cross-site navigation.
      c.header('Set-Cookie', cookie(FLOW_COOKIE, flow, AUTH_PATH, FLOW_SECONDS, 'Lax', requestOverHttps(c)));
      c.header('Cache-Control', 'no-store');
      return c.redirect(started.url.href, 303);
    });

    app.get('/auth/callback', async (c) => {
      const limited = await limits.sessionless(c);
      if (limited) return limited;
      const secure = requestOverHttps(c);
      c.header('Set-Cookie', cookie(FLOW_COOKIE, '', AUTH_PATH, 0, 'Lax', secure), { append: true });
      const providerError = c.req.query('error_description') ?? c.req.query('error');
      if (providerError) return failed(c, `The sign-in provider said: ${providerError}`);
      const payload = readSigned(secret, 'sign-in', getCookie(c, FLOW_COOKIE));
      if (payload === null) return failed(c, 'The sign-in took too long or was started in another browser: try again');
      const flow = readFlow(payload);
      if (flow === null) return failed(c, 'The sign-in could not be read back: try again');
      const url = new URL(c.req.url);
      let result: Awaited<ReturnType<typeof oidc.finish>>;
      try {
        result = await oidc.finish(new URL(`${CALLBACK_PATH}${url.search}`, config.publicUrl!), flow);
      } catch (error) {
        return failed(c, error instanceof SignInError ? error.message : 'Sign-in could not finish');
      }
      startSession(c, result.person);
      if (result.idToken && result.idToken.length <= MAX_ID_TOKEN) {
        const maxAge = lifetimes.maxSeconds;
        c.header('Set-Cookie', cookie(ID_TOKEN_COOKIE, result.idToken, AUTH_PATH, maxAge, 'Strict', secure), {
          append: true,
        });
      }
      c.header('Cache-Control', 'no-store');
      return c.redirect(safeReturnPath(flow.returnTo), 303);
    });
  }

  if (signInRequired) {
    app.post('/auth/sign-out', async (c) => {
      const session = sessionOf(c, secret, lifetimes);
      const refused = checkSession(secret, c, session, true);
      if (refused) return refused;
      const secure = requestOverHttps(c);
      c.header('Set-Cookie', endedSessionCookieHeader(secure), { append: true });
      c.set('log', { event: 'sign-out', person: personLabel(session!.person!) });
      let redirect = '/';
      if (oidc !== null) {
        const idToken = getCookie(c, ID_TOKEN_COOKIE);
        c.header('Set-Cookie', cookie(ID_TOKEN_COOKIE, '', AUTH_PATH, 0, 'Strict', secure), { append: true });
        redirect = (await oidc.endSessionUrl(idToken))?.href ?? '/';
      }
      return c.json({ redirect });
    });
  }

  return app;
}
