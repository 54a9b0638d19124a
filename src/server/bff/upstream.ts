import type { ServerConfig } from '../config';

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
  fetch: UpstreamFetch;
}

/** The sandbox is reached without a network hop, through its fetch handler at this made-up origin. */
export const SANDBOX_INTERNAL_URL = 'http://sandbox.internal/sandbox';

export function createUpstream(config: ServerConfig, sandboxFetch: UpstreamFetch): Upstream {
  if (config.stackoneApiKey !== null) {
    return {
      mode: 'stackone',
      baseUrl: config.stackoneBaseUrl,
      apiKey: config.stackoneApiKey,
      fetch: (request) => fetch(request),
    };
  }
  return { mode: 'sandbox', baseUrl: SANDBOX_INTERNAL_URL, apiKey: config.sandboxApiKey, fetch: sandboxFetch };
}

export function basicAuth(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
}
