import { type QueryClient, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';

const SessionSchema = z.object({
  mode: z.enum(['sandbox', 'stackone']),
  auth: z.enum(['none', 'password', 'oidc']),
  /** Null until someone has signed in, where the inbox has sign-in. */
  csrfToken: z.nullable(z.string()),
  person: z.nullable(z.object({ name: z.string(), email: z.nullable(z.string()), via: z.enum(['password', 'oidc']) })),
  /** Every account of the server's key, those of the person's tenants, or none at all. */
  access: z.enum(['all', 'tenants', 'none']),
});
export type Session = z.infer<typeof SessionSchema>;

let current: Promise<Session> | null = null;
const listeners = new Set<(session: Session) => void>();

/** The browser's session with the inbox server (a signed cookie plus a CSRF token for writes). */
export function getSession(refresh = false): Promise<Session> {
  if (refresh || current === null) {
    const request = fetch('/api/inbox/session', { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Could not reach the inbox server (${response.status})`);
        const session = SessionSchema.parse(await response.json());
        for (const listener of listeners) listener(session);
        return session;
      })
      .catch((error: unknown) => {
        if (current === request) current = null;
        throw error;
      });
    current = request;
  }
  return current;
}

/** Whether the person can use the inbox now: signed in (or no sign-in needed) and a CSRF token to write with. */
export const isSignedIn = (session: Session) => session.csrfToken !== null;

/**
 * Whose data this browser may keep for the session: one name per signed-in person (per way of signing in and per
 * server mode), or null when no one is signed in. Where the inbox has no sign-in (loopback), the machine is one person.
 */
export function cacheOwnerOf(session: Session): string | null {
  if (!isSignedIn(session)) return null;
  if (session.auth === 'none' || !session.person) return `${session.mode}|none`;
  const { via, email, name } = session.person;
  return `${session.mode}|${via}|${email?.toLowerCase() ?? ''}|${name}`;
}

/** Where the browser notes whose query cache it keeps (see persisted-cache.ts); cleared at sign-out. */
export const CACHE_OWNER_KEY = 'inbox:cache-owner';

/** Whose query cache this browser keeps, if anyone's: only that person can have one to restore. */
export function keptCacheOwner(): string | null {
  try {
    return globalThis.localStorage?.getItem(CACHE_OWNER_KEY) ?? null;
  } catch {
    return null;
  }
}

export const sessionQueries = {
  current: () => queryOptions({ queryKey: ['session'], queryFn: () => getSession(), staleTime: Infinity, retry: 1 }),
};

/** Keeps the session query in step with the session the API client sees (signed out on a 401, signed in again). */
export function followSession(queryClient: QueryClient): () => void {
  const listener = (session: Session) => queryClient.setQueryData(sessionQueries.current().queryKey, session);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function post(path: string, body: unknown, csrfToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
}

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return new Error(typeof body?.message === 'string' ? body.message : `The server answered ${response.status}`);
}

/** Signs in with the team's shared password; the name is what the inbox shows and logs for this person. */
export async function signInWithPassword(password: string, name: string): Promise<Session> {
  let response: Response;
  try {
    response = await post('/api/inbox/auth/password', { password, name }, null);
  } catch {
    throw new Error('Could not reach the inbox server: check your connection and try again');
  }
  if (!response.ok) throw await failure(response);
  return getSession(true);
}

/** Where single sign-on starts, coming back to `returnTo`. */
export function signInUrl(returnTo: string): string {
  return `/api/inbox/auth/sign-in?return=${encodeURIComponent(returnTo)}`;
}

/** Ends the session; resolves to where the browser goes next (the provider's sign-out, or the inbox). */
export async function signOut(): Promise<string> {
  const session = await getSession();
  const response = await post('/api/inbox/auth/sign-out', {}, session.csrfToken);
  if (!response.ok && response.status !== 401) throw await failure(response);
  const body = (await response.json().catch(() => ({}))) as { redirect?: unknown };
  return typeof body.redirect === 'string' ? body.redirect : '/';
}
