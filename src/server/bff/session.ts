import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { errorAnswer } from './answers';

/**
 * Stateless sessions: the cookie is a random id plus its HMAC, and the CSRF token is another HMAC
 * of the same id, so any instance holding the secret can check both without shared storage.
 */
export const SESSION_COOKIE = 'inbox_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Tells the browser client that a 401/403 is about its session, so that it starts a new one. */
export const SESSION_STATE_HEADER = 'x-inbox-session';

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrfToken(secret: string, sessionId: string): string {
  return mac(secret, `csrf:${sessionId}`);
}

export function newSessionCookie(secret: string): { id: string; value: string } {
  const id = randomBytes(24).toString('base64url');
  return { id, value: `${id}.${mac(secret, `session:${id}`)}` };
}

/** The session id of a well-signed cookie value, else null. */
export function verifySessionCookie(secret: string, value: string | undefined): string | null {
  if (!value) return null;
  const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  return same(match[2]!, mac(secret, `session:${match[1]!}`)) ? match[1]! : null;
}

function overHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/** `GET /api/session`: keeps a valid cookie, otherwise sets a new one; answers the CSRF token. */
export function sessionHandler(secret: string, mode: 'sandbox' | 'stackone') {
  return (c: Context) => {
    let id = verifySessionCookie(secret, getCookie(c, SESSION_COOKIE));
    if (id === null) {
      const cookie = newSessionCookie(secret);
      id = cookie.id;
      setCookie(c, SESSION_COOKIE, cookie.value, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api',
        secure: overHttps(c),
      });
    }
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.json({ csrfToken: csrfToken(secret, id), mode });
  };
}

/**
 * Where a write came from, as the browser tells it: Fetch Metadata where it is sent, the Origin header
 * otherwise. A client that sends neither is not a browser, and the CSRF token still has to match.
 */
export function crossSiteWrite(c: Context): string | null {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' ? null : `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  let from: URL | null = null;
  try {
    from = new URL(origin);
  } catch {
    // `null` and other opaque origins
  }
  return from !== null && from.host.toLowerCase() === host.toLowerCase() ? null : `Origin: ${origin}`;
}

/** A valid session for every request, and the CSRF token for every unsafe method; else the error answer. */
export function checkSession(secret: string, c: Context): Response | null {
  const id = verifySessionCookie(secret, getCookie(c, SESSION_COOKIE));
  const invalid = { [SESSION_STATE_HEADER]: 'invalid' };
  if (id === null) return errorAnswer(401, 'Session missing or expired: reload the page', invalid);
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return null;
  const crossSite = crossSiteWrite(c);
  if (crossSite !== null) return errorAnswer(403, `Writes are taken from this inbox's own pages only (${crossSite})`);
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    return errorAnswer(415, 'Writes take a JSON body: send Content-Type: application/json');
  }
  const token = c.req.header(CSRF_HEADER);
  if (!token || !same(token, csrfToken(secret, id))) {
    return errorAnswer(403, 'Missing or wrong CSRF token: reload the page', invalid);
  }
  return null;
}
