import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { errorAnswer } from '../bff/answers';
import { overHttps } from '../edge/security-headers';

/**
 * Stateless sessions: the cookie carries the session (its id, when it began and was last seen, and who signed in)
 * with an HMAC of it, and the CSRF token is another HMAC of the id, so any instance holding the secret can check
 * both without shared storage.
 */
export const SESSION_COOKIE = 'inbox_session';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * Tells the browser client that a 401/403 is about its session: `invalid` (start a new one and try again) or
 * `signed-out` (the person has to sign in).
 */
export const SESSION_STATE_HEADER = 'x-inbox-session';

/** The browser's session cookie is sent to /api only: the pages themselves are public files. */
export const SESSION_PATH = '/api';

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A value signed with the server's secret for one purpose, as `payload.mac`; `readSigned` gives the payload back. */
export function signed(secret: string, purpose: string, payload: string): string {
  return `${payload}.${mac(secret, `${purpose}:${payload}`)}`;
}

export function readSigned(secret: string, purpose: string, value: string | undefined): string | null {
  if (!value || value.length > MAX_COOKIE_LENGTH) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const payload = value.slice(0, dot);
  return sameSecret(value.slice(dot + 1), mac(secret, `${purpose}:${payload}`)) ? payload : null;
}

/** Browsers keep cookies up to about 4 KB; anything longer is not one of ours. */
const MAX_COOKIE_LENGTH = 3800;

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

/** Who signed in, and which tenants' linked accounts they may use (null: every account the server may use). */
export interface Person {
  sub: string;
  name: string;
  email: string | null;
  via: 'password' | 'oidc';
  tenants: string[] | null;
}

export interface Session {
  id: string;
  /** Seconds since the epoch when it began and when it was last seen. */
  issued: number;
  seen: number;
  /** Null for the anonymous session of an inbox without sign-in. */
  person: Person | null;
}

const seconds = (now: number) => Math.floor(now / 1000);

type Packed = [
  id: string,
  issued: number,
  seen: number,
  person?: [string, string, string | null, string, string[] | null],
];

function cookieValue(secret: string, session: Session): string {
  const { person } = session;
  const packed: Packed = [session.id, session.issued, session.seen];
  if (person) packed.push([person.sub, person.name, person.email, person.via, person.tenants]);
  return signed(secret, 'session', Buffer.from(JSON.stringify(packed)).toString('base64url'));
}

const isText = (value: unknown): value is string => typeof value === 'string';

function unpack(payload: string): Session | null {
  let packed: unknown;
  try {
    packed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(packed) || packed.length < 3 || packed.length > 4) return null;
  const [id, issued, seen, person] = packed as unknown[];
  if (!isText(id) || !Number.isInteger(issued) || !Number.isInteger(seen)) return null;
  const session: Session = { id, issued: issued as number, seen: seen as number, person: null };
  if (person === undefined) return session;
  if (!Array.isArray(person) || person.length !== 5) return null;
  const [sub, name, email, via, tenants] = person as unknown[];
  if (!isText(sub) || !isText(name) || (email !== null && !isText(email))) return null;
  if (via !== 'password' && via !== 'oidc') return null;
  if (tenants !== null && !(Array.isArray(tenants) && tenants.every(isText))) return null;
  session.person = { sub, name, email, via, tenants: tenants as string[] | null };
  return session;
}

/** A new session, with a new id (and so a new CSRF token): sign-in always starts one. */
export function newSessionCookie(
  secret: string,
  now = Date.now(),
  person: Person | null = null,
): { session: Session; value: string } {
  const session = { id: randomBytes(24).toString('base64url'), issued: seconds(now), seen: seconds(now), person };
  return { session, value: cookieValue(secret, session) };
}

/** The session of a well-signed cookie value that has not expired, else null. */
export function verifySessionCookie(
  secret: string,
  value: string | undefined,
  lifetimes: SessionLifetimes = DEFAULT_LIFETIMES,
  now = Date.now(),
): Session | null {
  const payload = readSigned(secret, 'session', value);
  const session = payload === null ? null : unpack(payload);
  if (session === null) return null;
  const at = seconds(now);
  if (at - session.issued > lifetimes.maxSeconds || at - session.seen > lifetimes.idleSeconds) return null;
  return session;
}

export function sessionOf(c: Context, secret: string, lifetimes: SessionLifetimes): Session | null {
  return verifySessionCookie(secret, getCookie(c, SESSION_COOKIE), lifetimes);
}

/** The same session stamped as seen now, when its stamp is old enough to renew; else null. */
export function renewedSessionCookie(secret: string, session: Session, now = Date.now()): string | null {
  if (seconds(now) - session.seen < SEEN_RESOLUTION_SECONDS) return null;
  return cookieValue(secret, { ...session, seen: seconds(now) });
}

/** The Set-Cookie value of a session cookie: HttpOnly, SameSite=Strict, on /api only, Secure over https. */
export function sessionCookieHeader(value: string, secure: boolean, lifetimes: SessionLifetimes): string {
  const attributes = [`Max-Age=${lifetimes.idleSeconds}`, `Path=${SESSION_PATH}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return `${SESSION_COOKIE}=${value}; ${attributes.join('; ')}`;
}

/** The Set-Cookie value that ends the session cookie. */
export function endedSessionCookieHeader(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Path=${SESSION_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Whether the browser reached us over https, directly or through a proxy that says so. */
export function requestOverHttps(c: Context): boolean {
  return overHttps(c.req.url, c.req.header('x-forwarded-proto'));
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

/** A write from our own pages with a JSON body; else the error answer. */
export function checkWrite(c: Context): Response | null {
  const crossSite = crossSiteWrite(c);
  if (crossSite !== null) return errorAnswer(403, `Writes are taken from this inbox's own pages only (${crossSite})`);
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
    return errorAnswer(415, 'Writes take a JSON body: send Content-Type: application/json');
  }
  return null;
}

/**
 * A valid session for every request (with a signed-in person where the inbox has sign-in), and the CSRF token
 * for every unsafe method; else the error answer.
 */
export function checkSession(
  secret: string,
  c: Context,
  session: Session | null,
  signInRequired: boolean,
): Response | null {
  if (session === null || (signInRequired && session.person === null)) {
    return signInRequired
      ? errorAnswer(401, 'You are signed out: sign in again', { [SESSION_STATE_HEADER]: 'signed-out' })
      : errorAnswer(401, 'Session missing or expired: reload the page', { [SESSION_STATE_HEADER]: 'invalid' });
  }
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return null;
  const refused = checkWrite(c);
  if (refused) return refused;
  const token = c.req.header(CSRF_HEADER);
  if (!token || !sameSecret(token, csrfToken(secret, session.id))) {
    return errorAnswer(403, 'Missing or wrong CSRF token: reload the page', { [SESSION_STATE_HEADER]: 'invalid' });
  }
  return null;
}
