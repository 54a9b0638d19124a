import { Redis } from 'ioredis';
import type { ServerConfig } from '../config';
import { createEventHub, type EventHub } from './event-hub';
import { type Leases, memoryLeases, redisLeases } from './leases';
import { createRateBudget, type RateBudget } from './rate-budget';
import { createRedisEventHub } from './redis-event-hub';

/** What instances of the inbox share: the rate budget, the events and who follows what. */
export interface SharedState {
  budget: RateBudget;
  hub: EventHub;
  leases: Leases;
  close(): Promise<void>;
}

/**
 * In this process alone (the embedded default), or, with REDIS_URL, through Redis (or Valkey), so that several
 * instances behind a load balancer spend one budget, follow each conversation once and tell every viewer.
 */
export function createSharedState(config: Pick<ServerConfig, 'redisUrl' | 'stackoneRateLimit'>): SharedState {
  if (config.redisUrl === null) {
    const hub = createEventHub();
    const leases = memoryLeases();
    return {
      budget: createRateBudget(config.stackoneRateLimit),
      hub,
      leases,
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
    async close() {
      await hub.close();
      await leases.close();
      redis.disconnect();
    },
  };
}
