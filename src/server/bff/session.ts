import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { overHttps } from '../edge/security-headers';
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

/** How long a session lasts: without a request for `idleSeconds`, and at most `maxSeconds` after it began. */
export interface SessionLifetimes {
  idleSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_LIFETIMES: SessionLifetimes = { idleSeconds: 8 * 3600, maxSeconds: 7 * 24 * 3600 };

/** A session is re-stamped as seen at most this often, so most answers set no cookie. */
const SEEN_RESOLUTION_SECONDS = 60;

export interface Session {
  id: string;
  /** Seconds since the epoch when it began and when it was last seen. */
  issued: number;
  seen: number;
}

const seconds = (now: number) => Math.floor(now / 1000);

function cookieValue(secret: string, session: Session): string {
  const body = `${session.id}.${session.issued.toString(36)}.${session.seen.toString(36)}`;
  return `${body}.${mac(secret, `session:${body}`)}`;
}

export function newSessionCookie(secret: string, now = Date.now()): { id: string; value: string } {
  const id = randomBytes(24).toString('base64url');
  return { id, value: cookieValue(secret, { id, issued: seconds(now), seen: seconds(now) }) };
}

/** The session of a well-signed cookie value that has not expired, else null. */
export function verifySessionCookie(
  secret: string,
  value: string | undefined,
  lifetimes: SessionLifetimes = DEFAULT_LIFETIMES,
  now = Date.now(),
): Session | null {
  if (!value) return null;
  const match = /^([A-Za-z0-9_-]{16,64})\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return null;
  const body = `${match[1]!}.${match[2]!}.${match[3]!}`;
  if (!same(match[4]!, mac(secret, `session:${body}`))) return null;
  const session = { id: match[1]!, issued: parseInt(match[2]!, 36), seen: parseInt(match[3]!, 36) };
  const at = seconds(now);
  if (at - session.issued > lifetimes.maxSeconds || at - session.seen > lifetimes.idleSeconds) return null;
  return session;
}

/** The same session stamped as seen now, when its stamp is old enough to renew; else null. */
export function renewedSessionCookie(secret: string, session: Session, now = Date.now()): string | null {
  if (seconds(now) - session.seen < SEEN_RESOLUTION_SECONDS) return null;
  return cookieValue(secret, { ...session, seen: seconds(now) });
}

/** The Set-Cookie value of a session cookie: HttpOnly, SameSite=Strict, on /api only, Secure over https. */
export function sessionCookieHeader(value: string, secure: boolean, lifetimes: SessionLifetimes): string {
  const attributes = [`Max-Age=${lifetimes.idleSeconds}`, 'Path=/api', 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return `${SESSION_COOKIE}=${value}; ${attributes.join('; ')}`;
}

/** Whether the browser reached us over https, directly or through a proxy that says so. */
export function requestOverHttps(c: Context): boolean {
  return overHttps(c.req.url, c.req.header('x-forwarded-proto'));
}

/** `GET /api/session`: keeps (and renews) a valid cookie, otherwise sets a new one; answers the CSRF token. */
export function sessionHandler(secret: string, mode: 'sandbox' | 'stackone', lifetimes: SessionLifetimes) {
  return (c: Context) => {
    const session = verifySessionCookie(secret, getCookie(c, SESSION_COOKIE), lifetimes);
    const fresh = session === null ? newSessionCookie(secret) : null;
    const cookie = fresh?.value ?? renewedSessionCookie(secret, session!);
    if (cookie !== null) c.header('Set-Cookie', sessionCookieHeader(cookie, requestOverHttps(c), lifetimes));
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.json({ csrfToken: csrfToken(secret, fresh?.id ?? session!.id), mode });
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
export function checkSession(secret: string, c: Context, session: Session | null): Response | null {
  const invalid = { [SESSION_STATE_HEADER]: 'invalid' };
  if (session === null) return errorAnswer(401, 'Session missing or expired: reload the page', invalid);
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return null;
  const crossSite = crossSiteWrite(c);
  if (crossSite !== null) return errorAnswer(403, `Writes are taken from this inbox's own pages only (${crossSite})`);
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    return errorAnswer(415, 'Writes take a JSON body: send Content-Type: application/json');
  }
  const token = c.req.header(CSRF_HEADER);
  if (!token || !same(token, csrfToken(secret, session.id))) {
    return errorAnswer(403, 'Missing or wrong CSRF token: reload the page', invalid);
  }
  return null;
}
