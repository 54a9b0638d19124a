import type * as z from 'zod/mini';
import { ErrorBodySchema } from '../contract/envelopes';
import { parseRetryAfter } from '../contract/errors';
import { ApiError } from './errors';
import { getSession, isSignedIn } from './session';

export interface RequestOptions {
  accountId?: string;
  method?: 'GET' | 'POST';
  /** Query parameters; a list is sent as the parameter repeated. */
  query?: Record<string, string | number | boolean | null | undefined | readonly string[]>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: described below
  }
  const parsed = ErrorBodySchema.safeParse(body);
  return new ApiError(
    response.status,
    parsed.success
      ? parsed.data
      : {
          statusCode: response.status,
          message: `The server answered ${response.status}`,
          timestamp: new Date().toISOString(),
        },
    retryAfter,
  );
}

/** Sends a request to the inbox server; resolves to the raw Response of a 2xx, throws ApiError otherwise. */
export async function send(path: string, options: RequestOptions = {}, retriedSession = false): Promise<Response> {
  const { accountId, method = 'GET', query, body, signal } = options;
  const headers = new Headers(options.headers);
  if (accountId) headers.set('x-account-id', accountId);
  if (body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    const session = await getSession();
    if (method !== 'GET' && session.csrfToken) headers.set('x-csrf-token', session.csrfToken);
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { statusCode: 0, message: 'Network error', timestamp: new Date().toISOString() });
  }
  // An expired or missing session (server restarted with a new secret): start a new one, once. Where the inbox
  // has sign-in, the fresh session says the person is signed out, and the page asks them to sign in again.
  const sessionState = response.headers.get('x-inbox-session');
  if ((response.status === 401 || response.status === 403) && !retriedSession && sessionState !== null) {
    const fresh = await getSession(true).catch(() => null);
    if (fresh !== null && isSignedIn(fresh)) return send(path, options, true);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** A JSON request whose answer is checked against a contract schema. */
export async function request<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  const json: unknown = await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, {
      statusCode: 502,
      message: `Unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      timestamp: new Date().toISOString(),
    });
  }
  return parsed.data;
}
