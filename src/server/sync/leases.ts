import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Which instance follows what: one holder per follower (an account's list, a conversation), so that several
 * instances cost StackOne no more than one. The holder renews its lease on every run and keeps its mark (the
 * newest change seen) with it; when it dies, another instance with viewers takes over once the lease lapses,
 * from that mark.
 */
export interface Leases {
  /** This instance's name in the leases it holds. */
  instance: string;
  /** Whether this instance holds (or has now taken) the lease; `mark` is the holder's last mark when taken over. */
  hold(key: string, ttlMs: number): Promise<{ held: boolean; mark: string | null }>;
  saveMark(key: string, mark: string): Promise<void>;
  release(key: string): Promise<void>;
  /** Tells every instance to follow this at once (something was written through one of them). */
  poke(accountId: string, conversationId: string | null): void;
  onPoke(listener: (accountId: string, conversationId: string | null) => void): void;
  close(): Promise<void>;
}

/** One instance: it holds every lease, and its marks live in its followers. */
export function memoryLeases(): Leases {
  const listeners = new Set<(accountId: string, conversationId: string | null) => void>();
  return {
    instance: 'this-process',
    hold: async () => ({ held: true, mark: null }),
    saveMark: async () => undefined,
    release: async () => undefined,
    poke: (accountId, conversationId) => {
      for (const listener of listeners) listener(accountId, conversationId);
    },
    onPoke: (listener) => void listeners.add(listener),
    close: async () => listeners.clear(),
  };
}

const MARK_TTL_MS = 15 * 60_000;
const POKES = 'inbox:pokes';

/** Take the lease if it is free, renew it if it is ours; answers 1 when we hold it. */
const HOLD = `
local owner = redis.call('GET', KEYS[1])
if owner == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 2
elseif owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function redisLeases(redis: Redis): Leases {
  const instance = randomBytes(8).toString('hex');
  const subscriber = redis.duplicate();
  subscriber.on('error', () => undefined); // it reconnects by itself, as the main connection does
  const listeners = new Set<(accountId: string, conversationId: string | null) => void>();
  void subscriber.subscribe(POKES).catch(() => undefined);
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      const { accountId, conversationId } = JSON.parse(text) as { accountId: string; conversationId: string | null };
      for (const listener of listeners) listener(accountId, conversationId);
    } catch {
      // not ours
    }
  });
  const leaseKey = (key: string) => `inbox:lease:${key}`;
  const markKey = (key: string) => `inbox:mark:${key}`;

  return {
    instance,
    async hold(key, ttlMs) {
      const answer = Number(await redis.eval(HOLD, 1, leaseKey(key), instance, String(ttlMs)));
      if (answer === 0) return { held: false, mark: null };
      // Newly taken: carry on from where the last holder was.
      return { held: true, mark: answer === 2 ? await redis.get(markKey(key)) : null };
    },
    async saveMark(key, mark) {
      await redis.set(markKey(key), mark, 'PX', MARK_TTL_MS);
    },
    async release(key) {
      await redis.eval(RELEASE, 1, leaseKey(key), instance);
    },
    poke(accountId, conversationId) {
      redis.publish(POKES, JSON.stringify({ accountId, conversationId })).catch(() => undefined);
    },
    onPoke: (listener) => void listeners.add(listener),
    async close() {
      listeners.clear();
      subscriber.disconnect();
    },
  };
}
