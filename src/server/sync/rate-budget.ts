import { parseRetryAfter } from '../../contract/errors';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisUnavailable, viaRedis } from './redis-unavailable';

/** Who is waiting for an upstream call: a person (a page, a send, a download) or the background sync. */
export type Priority = 'person' | 'sync';

/** The share of each minute's budget that background sync leaves to people. */
export const PERSON_RESERVE = 0.25;

export interface RateBudget {
  /** Counts one upstream call; null when it may go now, else how many ms until it may. */
  take(priority: Priority): Promise<number | null>;
  /** Whether a call could go now, without counting one: null when it could, else how many ms until it could. */
  check(priority: Priority): Promise<number | null>;
  /** StackOne answered 429: the whole key waits this long. */
  pause(ms: number): void;
  /** The share of this minute's budget still unspent, 0 to 1 (1 without a limit). */
  left(): Promise<number>;
}

/**
 * One budget per StackOne key (STACKONE_RATE_LIMIT calls a minute; 0 turns it off), spent by every upstream call of
 * this server. Background sync stops while less than a quarter of the minute is left, so that what people wait
 * for always gets through first; an upstream 429 pauses everything for its Retry-After.
 */
export function createRateBudget(perMinute: number, redis: Redis | null = null, key = 'stackone'): RateBudget {
  let limiter: RateLimiterAbstract | null = null;
  if (perMinute > 0) {
    // With Redis every instance spends the same budget; the key is the same for all of them.
    limiter =
      redis === null
        ? new RateLimiterMemory({ points: perMinute, duration: 60 })
        : new RateLimiterRedis({ storeClient: redis, points: perMinute, duration: 60, keyPrefix: 'inbox:budget' });
  }
  const pauseKey = `inbox:budget:paused:${key}`;
  let pausedUntil = 0;

  async function paused(): Promise<number> {
    if (redis !== null) pausedUntil = Math.max(pausedUntil, Number((await viaRedis(() => redis.get(pauseKey))) ?? 0));
    return pausedUntil - Date.now();
  }

  /** The wait before a call of this priority could go, spending nothing; null when it could go now. */
  async function check(priority: Priority): Promise<number | null> {
    const wait = await paused();
    if (wait > 0) return wait;
    if (limiter === null) return null;
    const spent = await viaRedis(() => limiter!.get(key));
    const floor = priority === 'sync' ? perMinute * PERSON_RESERVE : 0;
    if (spent !== null && spent.remainingPoints <= floor) return Math.max(1, spent.msBeforeNext);
    return null;
  }

  return {
    check,
    async take(priority) {
      if (priority === 'sync') {
        const wait = await check('sync');
        if (wait !== null) return wait;
      } else {
        const wait = await paused();
        if (wait > 0) return wait;
      }
      if (limiter === null) return null;
      try {
        await limiter.consume(key);
        return null;
      } catch (result) {
        if (!(result instanceof RateLimiterRes)) throw redis === null ? result : new RedisUnavailable(result);
        return Math.max(1, result.msBeforeNext);
      }
    },
    pause(ms) {
      // Without a budget (a stand-in with no limit) nothing is paused either.
      if (limiter === null) return;
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
      redis?.set(pauseKey, String(pausedUntil), 'PX', Math.max(1, ms)).catch(() => undefined);
    },
    async left() {
      if (limiter === null) return 1;
      const spent = await limiter.get(key);
      return spent === null ? 1 : Math.max(0, spent.remainingPoints) / perMinute;
    },
  };
}

/** An upstream's Retry-After as milliseconds, capped at ten minutes; `fallbackMs` when it gives none. */
export function retryAfterMs(header: string | null, fallbackMs = 5_000): number {
  const seconds = parseRetryAfter(header);
  return seconds === null ? fallbackMs : Math.min(seconds * 1000, 10 * 60_000);
}
