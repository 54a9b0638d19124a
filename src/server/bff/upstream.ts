import type { ServerConfig } from '../config';
import { errorAnswer } from './answers';
import { type Priority, type RateBudget, retryAfterMs } from '../sync/rate-budget';

export type UpstreamFetch = (request: Request) => Response | Promise<Response>;

/**
 * Where the BFF forwards to. The in-process sandbox and real StackOne differ only in these
 * fields, so every request takes the same code path to either.
 */
export interface Upstream {
  mode: 'sandbox' | 'stackone';
  /** Base URL without a trailing slash; operation paths are appended to it. */
  baseUrl: string;
  apiKey: string;
  /** Every upstream call, within the key's rate budget: a person's before the background sync's. */
  fetch(request: Request, priority?: Priority): Promise<Response>;
}

/** The sandbox is reached without a network hop, through its fetch handler at this made-up origin. */
export const SANDBOX_INTERNAL_URL = 'http://sandbox.internal/sandbox';

/** A fetch that spends the budget, answers 429 itself when it is spent, and pauses the key on an upstream 429. */
function withinBudget(fetcher: UpstreamFetch, budget: RateBudget) {
  return async (request: Request, priority: Priority = 'person'): Promise<Response> => {
    const wait = await budget.take(priority);
    if (wait !== null) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      return errorAnswer(429, `The inbox has used StackOne's rate limit for this minute: try again in ${seconds} s`, {
        'Retry-After': String(seconds),
      });
    }
    const response = await fetcher(request);
    if (response.status === 429) budget.pause(retryAfterMs(response.headers.get('retry-after')));
    return response;
  };
}

export function createUpstream(config: ServerConfig, sandboxFetch: UpstreamFetch, budget: RateBudget): Upstream {
  if (config.stackoneApiKey !== null) {
    return {
      mode: 'stackone',
      baseUrl: config.stackoneBaseUrl,
      apiKey: config.stackoneApiKey,
      fetch: withinBudget((request) => fetch(request), budget),
    };
  }
  return {
    mode: 'sandbox',
    baseUrl: SANDBOX_INTERNAL_URL,
    apiKey: config.sandboxApiKey,
    fetch: withinBudget(sandboxFetch, budget),
  };
}

/** A read the server makes on its own (the sync, the directory, the tenants' accounts): the key, the account, JSON. */
export function upstreamGet(upstream: Upstream, pathAndQuery: string, accountId: string | null, timeoutMs: number) {
  const headers: Record<string, string> = { authorization: basicAuth(upstream.apiKey), accept: 'application/json' };
  if (accountId !== null) headers['x-account-id'] = accountId;
  return new Request(`${upstream.baseUrl}${pathAndQuery}`, {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
}

export function basicAuth(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
}
