import type { Redis } from 'ioredis';
import { viaRedis } from '../sync/redis-unavailable';

/** One cached upstream answer: a JSON read, kept as its bytes with the headers the browser gets. */
export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * Where shared reads are kept. Each account has a generation that every drop moves on: an answer read before a
 * drop is not kept after it, so nobody is served what was current before a change they were told about.
 */
export interface ReadCacheStore {
  get(accountId: string, key: string): Promise<CachedAnswer | null>;
  generation(accountId: string): Promise<number>;
  /** Keeps the answer for `ttlMs`, unless the account has moved past `generation` meanwhile. */
  set(accountId: string, key: string, answer: CachedAnswer, ttlMs: number, generation: number): Promise<void>;
  /** Forgets the account's answers under these key prefixes, and moves its generation on. */
  drop(accountId: string, prefixes: readonly string[]): Promise<void>;
  size(): { entries: number; bytes: number };
}

export interface MemoryStoreOptions {
  /** Total bytes kept (bodies), all accounts together; the least recently used go first. */
  maxBytes?: number;
}

/** In this process: bounded by bytes, least recently used first out; nothing written to disk. */
export function memoryReadCacheStore({ maxBytes = 32 * 1024 * 1024 }: MemoryStoreOptions = {}): ReadCacheStore {
  const entries = new Map<string, CachedAnswer & { expires: number; bytes: number; accountId: string }>();
  const generations = new Map<string, number>();
  let bytes = 0;
  const keyOf = (accountId: string, key: string) => `${accountId}\n${key}`;

  function remove(full: string) {
    const entry = entries.get(full);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(full);
  }

  return {
    async get(accountId, key) {
      const full = keyOf(accountId, key);
      const entry = entries.get(full);
      if (!entry) return null;
      if (entry.expires <= Date.now()) {
        remove(full);
        return null;
      }
      entries.delete(full);
      entries.set(full, entry); // most recently used last
      return entry;
    },
    generation: async (accountId) => generations.get(accountId) ?? 0,
    async set(accountId, key, answer, ttlMs, generation) {
      if ((generations.get(accountId) ?? 0) !== generation) return;
      const full = keyOf(accountId, key);
      remove(full);
      const size = answer.body.length * 2;
      entries.set(full, { ...answer, expires: Date.now() + ttlMs, bytes: size, accountId });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    async drop(accountId, prefixes) {
      generations.set(accountId, (generations.get(accountId) ?? 0) + 1);
      const start = keyOf(accountId, '');
      for (const full of [...entries.keys()]) {
        if (full.startsWith(start) && prefixes.some((prefix) => full.startsWith(start + prefix))) remove(full);
      }
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}

const PREFIX = 'inbox:read:';
/** Keeps an answer only while the account's generation is the one the read began with. */
const SET_IF_CURRENT = `
if (tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[3])) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[3], KEYS[1])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
return 1`;
/** Moves the generation on and deletes the account's keys that start with any of the prefixes. */
const DROP = `
redis.call('INCR', KEYS[2])
local dropped = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  for i = 1, #ARGV do
    if string.sub(key, 1, string.len(ARGV[i])) == ARGV[i] then
      redis.call('DEL', key)
      redis.call('SREM', KEYS[1], key)
      dropped = dropped + 1
      break
    end
  end
end
return dropped`;

/**
 * In Redis, shared by every instance: an answer one instance read serves the others, and a change one instance
 * sees drops it for all. Entries live as long as their TTL (a minute at most), so Redis holds little.
 */
export function redisReadCacheStore(redis: Redis): ReadCacheStore {
  const keyOf = (accountId: string, key: string) => `${PREFIX}${accountId}\n${key}`;
  const generationKey = (accountId: string) => `${PREFIX}gen:${accountId}`;
  const indexKey = (accountId: string) => `${PREFIX}keys:${accountId}`;
  return {
    async get(accountId, key) {
      const raw = await viaRedis(() => redis.get(keyOf(accountId, key)));
      return raw === null ? null : (JSON.parse(raw) as CachedAnswer);
    },
    generation: async (accountId) => Number((await viaRedis(() => redis.get(generationKey(accountId)))) ?? 0),
    async set(accountId, key, answer, ttlMs, generation) {
      await viaRedis(() =>
        redis.eval(
          SET_IF_CURRENT,
          3,
          keyOf(accountId, key),
          generationKey(accountId),
          indexKey(accountId),
          JSON.stringify(answer),
          String(Math.max(1, Math.round(ttlMs))),
          String(generation),
        ),
      );
    },
    async drop(accountId, prefixes) {
      const full = prefixes.map((prefix) => keyOf(accountId, prefix));
      await viaRedis(() => redis.eval(DROP, 2, indexKey(accountId), generationKey(accountId), ...full));
    },
    size: () => ({ entries: 0, bytes: 0 }),
  };
}
