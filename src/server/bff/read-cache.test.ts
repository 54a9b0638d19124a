import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { startRedis } from '../testing-redis';
import { createReadCache } from './read-cache';
import { memoryReadCacheStore, redisReadCacheStore } from './read-cache-stores';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the shared read cache', () => {
  it('makes identical reads in flight once, and keeps the answer for its time', async () => {
    const cache = createReadCache();
    let calls = 0;
    const fetch = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return json({ data: [calls] });
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.read('acc', '/x?a=1', 1_000, fetch)));
    expect(calls).toBe(1);
    for (const answer of answers) expect(await answer.json()).toEqual({ data: [1] });
    expect(await (await cache.read('acc', '/x?a=1', 1_000, fetch)).json()).toEqual({ data: [1] });
    expect(calls).toBe(1);
    // Only shared while in flight: nothing kept.
    await cache.read('acc', '/y?', 0, fetch);
    await cache.read('acc', '/y?', 0, fetch);
    expect(calls).toBe(3);
  });

  it('never answers one account with another’s, and drops what changed', async () => {
    const cache = createReadCache();
    await cache.read('a', '/conversations?', 60_000, async () => json({ of: 'a' }));
    const b = await cache.read('b', '/conversations?', 60_000, async () => json({ of: 'b' }));
    expect(await b.json()).toEqual({ of: 'b' });
    await cache.drop('a', ['/conversations?']);
    const again = await cache.read('a', '/conversations?', 60_000, async () => json({ of: 'a, fresh' }));
    expect(await again.json()).toEqual({ of: 'a, fresh' });
    expect(
      await (await cache.read('b', '/conversations?', 60_000, async () => json({ of: 'b, fresh' }))).json(),
    ).toEqual({
      of: 'b',
    });
  });

  it('keeps no errors and no more bytes than it may', async () => {
    const cache = createReadCache({ store: memoryReadCacheStore({ maxBytes: 1_000 }), maxEntryBytes: 600 });
    let calls = 0;
    const failing = async () => (calls++, json({ statusCode: 500 }, 500));
    expect((await cache.read('a', '/e?', 60_000, failing)).status).toBe(500);
    expect((await cache.read('a', '/e?', 60_000, failing)).status).toBe(500);
    expect(calls).toBe(2);
    for (let i = 0; i < 10; i++) await cache.read('a', `/p${i}?`, 60_000, async () => json({ text: 'x'.repeat(100) }));
    expect(cache.size().bytes).toBeLessThanOrEqual(1_000);
    await cache.read('a', '/big?', 60_000, async () => json({ text: 'x'.repeat(1_000) }));
    expect(cache.size().bytes).toBeLessThanOrEqual(1_000);
  });

  it('does not keep an answer read before a drop, so nobody is served what changed since', async () => {
    const cache = createReadCache();
    let release!: () => void;
    const slow = cache.read('a', '/t?', 60_000, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return json({ version: 'before' });
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cache.drop('a', ['/t?']);
    release();
    expect(await (await slow).json()).toEqual({ version: 'before' });
    const next = await cache.read('a', '/t?', 60_000, async () => json({ version: 'after' }));
    expect(await next.json()).toEqual({ version: 'after' });
  });
});

describe('the shared read cache in Redis, across instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });
  const instance = () => {
    const client = new Redis(redis.url);
    clients.push(client);
    return createReadCache({ store: redisReadCacheStore(client) });
  };

  it('serves one instance what another read, drops it for all on a change, and never across accounts', async () => {
    const [first, second] = [instance(), instance()];
    let calls = 0;
    const fetch = async () => json({ call: ++calls });
    expect(await (await first.read('a', '/c?x=1', 60_000, fetch)).json()).toEqual({ call: 1 });
    const shared = await second.read('a', '/c?x=1', 60_000, fetch);
    expect(await shared.json()).toEqual({ call: 1 });
    expect(shared.headers.get('content-type')).toBe('application/json');
    expect(await (await second.read('b', '/c?x=1', 60_000, fetch)).json()).toEqual({ call: 2 });
    await second.drop('a', ['/c?']);
    expect(await (await first.read('a', '/c?x=1', 60_000, fetch)).json()).toEqual({ call: 3 });
    expect(await (await first.read('b', '/c?x=1', 60_000, fetch)).json()).toEqual({ call: 2 });
  });
});
