import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing';
import { startRedis } from '../testing-redis';
import { createSharedState } from './shared-state';

describe('when Redis, which the instances share, goes away', () => {
  const states: ReturnType<typeof createSharedState>[] = [];
  afterAll(async () => {
    for (const state of states) await state.close();
  });

  it('answers 503 saying Redis could not be reached, not that StackOne could not', async () => {
    const redis = await startRedis();
    const shared = createSharedState({ redisUrl: redis.url, stackoneRateLimit: 1_000 });
    states.push(shared);
    const server = createTestServer({ seed: { messages: 100 }, shared, config: { stackoneRateLimit: 1_000 } });
    try {
      expect((await server.apiJson('/unified/messaging/conversations?page_size=5')).status).toBe(200);
      await redis.stop();

      const read = await server.apiJson('/unified/messaging/conversations?page_size=5');
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('5');
      expect(read.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('Could not reach Redis') });

      const poll = await server.apiJson(`/inbox/events?account=${server.accounts[0]!.id}&poll=1&last_event_id=1-0`);
      expect(poll.status).toBe(503);
      expect(poll.body.message).toContain('Redis');
    } finally {
      server.close();
    }
  });
});
