import { RedisUnavailable } from '../sync/redis-unavailable';
import { ErrorBodySchema } from '../../contract/envelopes';
import { errorBody } from '../../contract/errors';
import { attachmentDisposition, cleanHeaderValue } from '../edge/file-headers';
import { errorAnswer, jsonHeaders } from './answers';
import {
  ClientGone,
  createDeadline,
  type Deadline,
  guardedBody,
  raceAbort,
  readText,
  UpstreamTimeout,
} from './deadline';
import { basicAuth, type Upstream } from './upstream';

export interface ForwardTarget {
  /** Path below the upstream's base URL, already encoded, e.g. `/unified/messaging/users`. */
  path: string;
  /** The browser's query string, unchanged (`?…` or empty). */
  search: string;
  download: boolean;
  timeoutMs: number;
}

/** The only request headers the browser may pass on; never its cookies or authorization. */
const REQUEST_HEADERS = ['content-type', 'accept', 'idempotency-key', 'x-account-id'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'retry-after',
  'cache-control',
  'content-security-policy',
  'x-content-type-options',
  'etag',
  'last-modified',
];
const USER_AGENT = 'stackone-inbox-bff/0.1';
const MAX_ERROR_BODY = 64 * 1024;

export type UpstreamResult = { ok: true; response: Response; deadline: Deadline } | { ok: false; answer: Response };

/** Sends the browser's request upstream with the server's key; resolves once the upstream's headers arrive. */
export async function callUpstream(raw: Request, upstream: Upstream, target: ForwardTarget): Promise<UpstreamResult> {
  const deadline = createDeadline(target.timeoutMs, raw.signal);
  const headers = new Headers({ authorization: basicAuth(upstream.apiKey), 'user-agent': USER_AGENT });
  for (const name of REQUEST_HEADERS) {
    const value = raw.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // Undecoded bytes keep Content-Length true, so the browser can show download progress.
  if (target.download) headers.set('accept-encoding', 'identity');
  const body = raw.method === 'GET' || raw.method === 'HEAD' ? null : raw.body;
  const init = { method: raw.method, headers, body, signal: deadline.signal, redirect: 'error', duplex: 'half' };
  deadline.arm();
  try {
    const request = new Request(upstream.baseUrl + target.path + target.search, init as RequestInit);
    const response = await raceAbort(
      Promise.resolve().then(() => upstream.fetch(request)),
      deadline.signal,
    );
    deadline.disarm();
    return { ok: true, response, deadline };
  } catch (error) {
    deadline.finish();
    return { ok: false, answer: failureAnswer(deadline.signal.aborted ? deadline.signal.reason : error) };
  }
}

export function failureAnswer(reason: unknown): Response {
  if (reason instanceof UpstreamTimeout) return errorAnswer(504, reason.message);
  if (reason instanceof ClientGone) return errorAnswer(499, reason.message);
  if (reason instanceof RedisUnavailable) return errorAnswer(503, reason.message, { 'Retry-After': '5' });
  if ((reason as { cause?: { code?: unknown } })?.cause?.code === 'UND_ERR_HEADERS_OVERFLOW') {
    return errorAnswer(502, 'StackOne answered with headers larger than this server accepts (16 KB)');
  }
  return errorAnswer(502, 'Could not reach StackOne');
}

/** Forwards one request and answers with the upstream's status, safe headers and streamed body. */
export async function forward(raw: Request, upstream: Upstream, target: ForwardTarget): Promise<Response> {
  const result = await callUpstream(raw, upstream, target);
  return result.ok ? relay(result.response, result.deadline, upstream, target.download) : result.answer;
}

/** The browser's answer to an upstream response whose headers have arrived. */
export function relay(response: Response, deadline: Deadline, upstream: Upstream, download: boolean) {
  if (response.status >= 400) return upstreamError(response, deadline, upstream);
  const headers = answerHeaders(response.headers, download);
  if (response.body === null || response.status === 204 || response.status === 304) {
    deadline.finish();
    return new Response(null, { status: response.status, headers });
  }
  return new Response(guardedBody(response.body, deadline), { status: response.status, headers });
}

export function answerHeaders(upstream: Headers, download: boolean): Headers {
  const headers = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, cleanHeaderValue(value));
  }
  // fetch has already decoded a compressed body, so the upstream's length no longer holds.
  if (upstream.has('content-encoding')) headers.delete('content-length');
  headers.set('x-content-type-options', 'nosniff');
  if (!download) {
    headers.set('cache-control', 'no-store');
    return headers;
  }
  headers.set('content-disposition', attachmentDisposition(upstream.get('content-disposition')));
  headers.set('content-security-policy', "sandbox; default-src 'none'");
  if (!/\b(private|no-store)\b/i.test(upstream.get('cache-control') ?? '')) headers.set('cache-control', 'private');
  return headers;
}

/** Upstream errors always reach the browser as StackOne's JSON error shape, with Retry-After kept. */
async function upstreamError(response: Response, deadline: Deadline, upstream: Upstream): Promise<Response> {
  let raw: string;
  try {
    raw = await readText(response.body, deadline, MAX_ERROR_BODY);
  } catch (error) {
    return failureAnswer(deadline.signal.aborted ? deadline.signal.reason : error);
  } finally {
    deadline.finish();
  }
  // The browser reads 401 as "your session expired"; an upstream 401 means the server's key is wrong.
  if (response.status === 401) return errorAnswer(502, "StackOne refused the server's API key");
  const headers: Record<string, string> = {};
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  let json: unknown = null;
  try {
    json = JSON.parse(raw);
  } catch {
    // not JSON: wrapped below
  }
  const parsed = ErrorBodySchema.safeParse(json);
  const message = (json as { message?: unknown } | null)?.message;
  const body = parsed.success
    ? parsed.data
    : errorBody(response.status, typeof message === 'string' ? message : undefined);
  const text = JSON.stringify(body).split(upstream.apiKey).join('[redacted]');
  return new Response(text, { status: response.status, headers: { ...jsonHeaders, ...headers } });
}
