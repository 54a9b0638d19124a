import { Redis } from 'ioredis';
import { memoryReadCacheStore, type ReadCacheStore, redisReadCacheStore } from '../bff/read-cache-stores';
import type { ServerConfig } from '../config';
import { createEventHub, type EventHub } from './event-hub';
import { type Leases, memoryLeases, redisLeases } from './leases';
import { createRateBudget, type RateBudget } from './rate-budget';
import { type PeopleShare, redisPeopleShare } from './people-share';
import { createRedisEventHub } from './redis-event-hub';

/** What instances of the inbox share: the rate budget, the events, who follows what, and the shared reads. */
export interface SharedState {
  budget: RateBudget;
  hub: EventHub;
  leases: Leases;
  cache: ReadCacheStore;
  /** The people directory's walk and what it read, shared (only with Redis: alone, the directory is in memory). */
  people?: PeopleShare;
  close(): Promise<void>;
}

/**
 * In this process alone (the embedded default), or, with REDIS_URL, through Redis (or Valkey), so that several
 * instances behind a load balancer spend one budget, follow each conversation once, tell every viewer and share
 * what they read.
 */
export function createSharedState(config: Pick<ServerConfig, 'redisUrl' | 'stackoneRateLimit'>): SharedState {
  if (config.redisUrl === null) {
    const hub = createEventHub();
    const leases = memoryLeases();
    return {
      budget: createRateBudget(config.stackoneRateLimit),
      hub,
      leases,
      cache: memoryReadCacheStore(),
      close: async () => {
        await hub.close();
        await leases.close();
      },
    };
  }
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  redis.on('error', () => undefined); // ioredis reconnects by itself; calls made meanwhile fail and are retried
  const hub = createRedisEventHub(redis);
  const leases = redisLeases(redis);
  return {
    budget: createRateBudget(config.stackoneRateLimit, redis),
    hub,
    leases,
    cache: redisReadCacheStore(redis),
    people: redisPeopleShare(redis, leases),
    async close() {
      await hub.close();
      await leases.close();
      redis.disconnect();
    },
  };
}
