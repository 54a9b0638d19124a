import { viaRedis } from './redis-unavailable';
import type { Redis } from 'ioredis';
import type { EventHub, InboxEvent } from './event-hub';

const STREAM = 'inbox:events';
/** Events kept in the stream (about: Redis trims whole blocks) for viewers who reconnect. */
const KEEP = 5_000;
const BLOCK_MS = 5_000;

type Entry = [id: string, fields: string[]];

function eventOf([id, fields]: Entry): InboxEvent | null {
  const json = fields[1];
  if (fields[0] !== 'event' || json === undefined) return null;
  try {
    return { ...(JSON.parse(json) as Omit<InboxEvent, 'id'>), id };
  } catch {
    return null;
  }
}

/**
 * The event hub of several instances: events go into one Redis stream (XADD), every instance reads it (XREAD) and
 * tells its own viewers, so a viewer on one instance hears what another synced or sent; the stream's ids are the
 * event ids, so a viewer who reconnects to any instance resumes with XRANGE.
 */
export function createRedisEventHub(redis: Redis): EventHub {
  const reader = redis.duplicate();
  reader.on('error', () => undefined); // it reconnects by itself, as the main connection does
  const listeners = new Set<(event: InboxEvent) => void>();
  let closed = false;
  let last = '$';

  async function follow() {
    while (!closed) {
      let answer: [string, Entry[]][] | null;
      try {
        answer = (await reader.xread('BLOCK', BLOCK_MS, 'STREAMS', STREAM, last)) as [string, Entry[]][] | null;
      } catch {
        if (closed) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      for (const entry of answer?.[0]?.[1] ?? []) {
        last = entry[0];
        const event = eventOf(entry);
        if (event) for (const listener of listeners) listener(event);
      }
    }
  }
  // Start from the stream's current end, so that this instance's viewers get only what comes next.
  const started = redis
    .xrevrange(STREAM, '+', '-', 'COUNT', 1)
    .then((newest) => {
      last = newest[0]?.[0] ?? '0-0';
    })
    .catch(() => undefined)
    .then(() => void follow());

  return {
    async publish(event) {
      await started;
      await viaRedis(() => redis.xadd(STREAM, 'MAXLEN', '~', KEEP, '*', 'event', JSON.stringify(event)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async since(lastId) {
      if (!/^\d+-\d+$/.test(lastId)) return null;
      if (lastId === '0-0') return [];
      const oldest = (await viaRedis(() => redis.xrange(STREAM, '-', '+', 'COUNT', 1)))[0]?.[0];
      // Trimmed past the viewer's last event: what it missed is not all there any more.
      if (oldest === undefined || compare(lastId, oldest) < 0) return null;
      const missed = (await viaRedis(() => redis.xrange(STREAM, `(${lastId}`, '+', 'COUNT', KEEP))) as Entry[];
      return missed.map(eventOf).filter((event): event is InboxEvent => event !== null);
    },
    async newestId() {
      return (await viaRedis(() => redis.xrevrange(STREAM, '+', '-', 'COUNT', 1)))[0]?.[0] ?? '0-0';
    },
    async close() {
      closed = true;
      listeners.clear();
      reader.disconnect();
    },
  };
}

function compare(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am === bm ? Number(as - bs) : am < bm ? -1 : 1;
}
