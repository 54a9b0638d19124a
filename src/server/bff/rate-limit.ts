import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ServerConfig } from '../config';
import { errorAnswer } from './answers';

export interface ApiLimits {
  /** Counts one request of a signed-in session, and one write; a 429 answer when either is spent. */
  session(sessionId: string, write: boolean): Promise<Response | null>;
  /** Counts one request that brings no valid session, by client address. */
  sessionless(c: Context): Promise<Response | null>;
  /** A 429 answer while this client address has used up its wrong sign-in attempts; else null. */
  signInBlocked(c: Context): Promise<Response | null>;
  /** Counts one wrong sign-in attempt of this client address. */
  signInFailed(c: Context): Promise<void>;
}

/**
 * The address the request came from. Behind `trustProxy` reverse proxies, each of which appends the address it
 * got the request from to X-Forwarded-For, the client is that many entries from the end; anything before them
 * was written by the client itself and is not believed.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  let remote: string;
  try {
    remote = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    remote = 'unknown'; // not served by node:http (the in-process fetch handler)
  }
  if (trustProxy === 0) return remote;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, remote];
  return chain[Math.max(0, chain.length - 1 - trustProxy)]!.slice(0, 64);
}

/** Wrong passwords one client address may try in a quarter of an hour. */
const SIGN_IN_FAILURES = 10;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const minutesFrom = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

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
  const sessionless = perMinute(config.apiSessionlessRateLimit);
  const failures = new RateLimiterMemory({ points: SIGN_IN_FAILURES, duration: SIGN_IN_WINDOW_SECONDS });
  const address = (c: Context) => clientAddress(c, config.trustProxy);
  return {
    async session(sessionId, write) {
      return (
        (await take(requests, sessionId, 'requests from this session')) ??
        (write ? await take(writes, sessionId, 'messages and changes from this session') : null)
      );
    },
    sessionless: (c) => take(sessionless, address(c), 'requests without a session from this address'),
    async signInBlocked(c) {
      const spent = await failures.get(address(c));
      if (spent === null || spent.remainingPoints > 0) return null;
      const minutes = minutesFrom(spent.msBeforeNext);
      return errorAnswer(
        429,
        `Too many wrong passwords from this address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        { 'Retry-After': String(Math.ceil(spent.msBeforeNext / 1000)) },
      );
    },
    async signInFailed(c) {
      await failures.penalty(address(c), 1);
    },
  };
}
