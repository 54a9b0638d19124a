/** One cached upstream answer: a JSON read, kept as its bytes with the headers the browser gets. */
interface Entry {
  status: number;
  headers: [string, string][];
  body: string;
  expires: number;
  bytes: number;
}

export interface ReadCacheOptions {
  /** Total bytes kept (bodies), all accounts together; the least recently used go first. */
  maxBytes?: number;
  /** Answers larger than this are never kept. */
  maxEntryBytes?: number;
}

/**
 * Upstream reads shared by everyone on this server: identical reads in flight are made once, and answers are kept
 * for as long as the caller says (long while the sync follows what they show and drops them when it changes, short
 * otherwise). Keys always start with the account, so nothing is ever served across accounts; nothing is written
 * to disk.
 */
export function createReadCache({ maxBytes = 32 * 1024 * 1024, maxEntryBytes = 512 * 1024 }: ReadCacheOptions = {}) {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | Response>>();
  let bytes = 0;

  const keyOf = (accountId: string, pathAndQuery: string) => `${accountId}\n${pathAndQuery}`;

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  }

  function keep(key: string, entry: Entry) {
    remove(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
  }

  const answer = (entry: Entry) => new Response(entry.body, { status: entry.status, headers: entry.headers });

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
      const key = keyOf(accountId, pathAndQuery);
      const cached = entries.get(key);
      if (cached && cached.expires > Date.now()) {
        entries.delete(key);
        entries.set(key, cached); // most recently used last
        return answer(cached);
      }
      let inFlight = pending.get(key);
      if (!inFlight) {
        inFlight = (async (): Promise<Entry | Response> => {
          const response = await fetch();
          const type = response.headers.get('content-type') ?? '';
          if (response.status !== 200 || !/json/i.test(type)) return response;
          const body = await response.text();
          const entry = {
            status: 200,
            headers: [...response.headers],
            body,
            expires: Date.now() + ttlMs,
            bytes: body.length * 2,
          };
          if (ttlMs > 0 && entry.bytes <= maxEntryBytes) keep(key, entry);
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
    drop(accountId: string, prefixes: string[]) {
      const start = keyOf(accountId, '');
      for (const key of [...entries.keys()]) {
        if (key.startsWith(start) && prefixes.some((prefix) => key.startsWith(start + prefix))) remove(key);
      }
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
