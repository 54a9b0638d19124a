import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ServerConfig } from '../config';
import { errorAnswer } from './answers';

/** Requests a minute from one client address that bring no valid session (new sessions included). */
const SESSIONLESS_PER_MINUTE = 300;

export interface ApiLimits {
  /** Counts one request of a signed-in session, and one write; a 429 answer when either is spent. */
  session(sessionId: string, write: boolean): Promise<Response | null>;
  /** Counts one request that brings no valid session, by client address. */
  sessionless(c: Context): Promise<Response | null>;
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by node:http (the in-process fetch handler)
  }
}

async function take(limiter: RateLimiterMemory | null, key: string, what: string): Promise<Response | null> {
  if (limiter === null) return null;
  try {
    await limiter.consume(key);
    return null;
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return errorAnswer(429, `Too many ${what}: try again in ${seconds} s`, { 'Retry-After': String(seconds) });
  }
}

const perMinute = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : null);

/** Per-session and per-client limits on /api, so that one browser (or script) cannot spend the key for everyone. */
export function createApiLimits(config: ServerConfig): ApiLimits {
  const requests = perMinute(config.apiRateLimit);
  const writes = perMinute(config.apiWriteRateLimit);
  const sessionless = perMinute(SESSIONLESS_PER_MINUTE);
  return {
    async session(sessionId, write) {
      return (
        (await take(requests, sessionId, 'requests from this session')) ??
        (write ? await take(writes, sessionId, 'messages and changes from this session') : null)
      );
    },
    sessionless: (c) => take(sessionless, clientAddress(c), 'requests without a session from this address'),
  };
}
