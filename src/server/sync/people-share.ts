import type { Redis } from 'ioredis';
import type { User } from '../../contract/models';
import type { Leases } from './leases';
import { viaRedis } from './redis-unavailable';

/**
 * The people directory as the inbox's instances share it: one instance walks an account's directory (it holds the
 * lease) and puts what it reads here; every instance reads what was put since it last looked, into its own index.
 */
export interface PeopleShare {
  /** Whether this instance walks the account's directory now (it takes or renews the lease). */
  hold(accountId: string): Promise<boolean>;
  put(accountId: string, users: readonly (User & { id: string })[]): Promise<void>;
  /** Everyone put since `position` (everyone, from null), and the position to ask from next. */
  since(accountId: string, position: string | null): Promise<{ users: User[]; position: string }>;
  /** When the last complete walk began, or null before there was one. */
  walkedFrom(accountId: string): Promise<number | null>;
  setWalkedFrom(accountId: string, at: number): Promise<void>;
}

const WALK_LEASE_MS = 60_000;
/** An account's shared directory is let go an hour after anyone last wrote to it. */
const KEEP_MS = 60 * 60_000;
const LOG_ENTRIES = 20_000;

const compare = (a: string, b: string) => {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am - bm || as - bs;
};

export function redisPeopleShare(redis: Redis, leases: Leases): PeopleShare {
  const people = (accountId: string) => `inbox:people:${accountId}`;
  const log = (accountId: string) => `inbox:people:log:${accountId}`;
  const walked = (accountId: string) => `inbox:people:walked:${accountId}`;
  const parse = (raw: string | null): User[] => {
    if (raw === null) return [];
    try {
      return [JSON.parse(raw) as User];
    } catch {
      return [];
    }
  };

  async function everyone(accountId: string) {
    const newest = (await viaRedis(() => redis.xrevrange(log(accountId), '+', '-', 'COUNT', 1)))[0]?.[0] ?? '0-0';
    const all = await viaRedis(() => redis.hgetall(people(accountId)));
    return { users: Object.values(all).flatMap(parse), position: newest };
  }

  return {
    hold: async (accountId) => (await leases.hold(`people\n${accountId}`, WALK_LEASE_MS)).held,
    async put(accountId, users) {
      if (users.length === 0) return;
      const fields = users.flatMap((user) => [user.id, JSON.stringify(user)]);
      await viaRedis(() =>
        redis
          .multi()
          .hset(people(accountId), ...fields)
          .xadd(log(accountId), 'MAXLEN', '~', LOG_ENTRIES, '*', 'ids', JSON.stringify(users.map((user) => user.id)))
          .pexpire(people(accountId), KEEP_MS)
          .pexpire(log(accountId), KEEP_MS)
          .exec(),
      );
    },
    async since(accountId, position) {
      if (position === null) return everyone(accountId);
      const oldest = (await viaRedis(() => redis.xrange(log(accountId), '-', '+', 'COUNT', 1)))[0]?.[0];
      // Trimmed past what this instance read, or gone: read everyone again.
      if (oldest === undefined ? position !== '0-0' : compare(position, oldest) < 0 && position !== '0-0')
        return everyone(accountId);
      const entries = await viaRedis(() => redis.xrange(log(accountId), `(${position}`, '+', 'COUNT', 5_000));
      if (entries.length === 0) return { users: [], position };
      const ids = [...new Set(entries.flatMap(([, fields]) => JSON.parse(fields[1] ?? '[]') as string[]))];
      const raw = await viaRedis(() => redis.hmget(people(accountId), ...ids));
      return { users: raw.flatMap(parse), position: entries.at(-1)![0] };
    },
    async walkedFrom(accountId) {
      const raw = await viaRedis(() => redis.get(walked(accountId)));
      return raw === null ? null : Number(raw);
    },
    async setWalkedFrom(accountId, at) {
      await viaRedis(() => redis.set(walked(accountId), String(at), 'PX', KEEP_MS));
    },
  };
}
