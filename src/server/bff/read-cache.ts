import { type CachedAnswer, memoryReadCacheStore, type ReadCacheStore } from './read-cache-stores';

export interface ReadCacheOptions {
  /** Where answers are kept: in this process by default, or in Redis for every instance. */
  store?: ReadCacheStore;
  /** Answers larger than this are never kept. */
  maxEntryBytes?: number;
}

/**
 * Upstream reads shared by everyone on this server (and, with Redis, every instance): identical reads in flight
 * are made once, and answers are kept for as long as the caller says (long while the sync follows what they show
 * and drops them when it changes, short otherwise). Keys always start with the account, so nothing is ever served
 * across accounts; nothing is written to disk.
 */
export function createReadCache({ store = memoryReadCacheStore(), maxEntryBytes = 512 * 1024 }: ReadCacheOptions = {}) {
  const pending = new Map<string, Promise<CachedAnswer | Response>>();
  const answer = (entry: CachedAnswer) => new Response(entry.body, { status: entry.status, headers: entry.headers });

  return {
    /**
     * The answer to a read: from the cache, from a read already on its way, or from `fetch`, whose 200 JSON answer
     * is kept for `ttlMs`. Anything else `fetch` answers is passed on, not kept.
     */
    async read(
      accountId: string,
      pathAndQuery: string,
      ttlMs: number,
      fetch: () => Promise<Response>,
    ): Promise<Response> {
      if (ttlMs > 0) {
        // A store that cannot answer (Redis away) is a miss: the read itself then says what is wrong.
        const cached = await store.get(accountId, pathAndQuery).catch(() => null);
        if (cached) return answer(cached);
      }
      const key = `${accountId}\n${pathAndQuery}`;
      let inFlight = pending.get(key);
      if (!inFlight) {
        inFlight = (async (): Promise<CachedAnswer | Response> => {
          const generation = ttlMs > 0 ? await store.generation(accountId).catch(() => null) : null;
          const response = await fetch();
          const type = response.headers.get('content-type') ?? '';
          if (response.status !== 200 || !/json/i.test(type)) return response;
          const entry = { status: 200, headers: [...response.headers], body: await response.text() };
          if (generation !== null && entry.body.length * 2 <= maxEntryBytes)
            await store.set(accountId, pathAndQuery, entry, ttlMs, generation).catch(() => undefined);
          return entry;
        })().finally(() => pending.delete(key));
        pending.set(key, inFlight);
        const result = await inFlight;
        return result instanceof Response ? result : answer(result);
      }
      // Someone else's read: an answer that was not kept (an error) cannot be shared, so ask again.
      const result = await inFlight.catch(() => null);
      if (result === null || result instanceof Response) return fetch();
      return answer(result);
    },
    /** Drops what the account has kept under these path prefixes (what just changed). */
    drop: (accountId: string, prefixes: string[]): Promise<void> =>
      store.drop(accountId, prefixes).catch(() => undefined),
    size: () => store.size(),
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
