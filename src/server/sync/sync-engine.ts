import { type Upstream, upstreamGet } from '../bff/upstream';
import type { EventHub } from './event-hub';
import { type Leases, memoryLeases } from './leases';
import type { RateBudget } from './rate-budget';

export interface SyncIntervals {
  /** How often a conversation someone is viewing is followed. */
  conversationMs: number;
  /** How often the conversation list of an account someone has open is followed. */
  listMs: number;
}

export const DEFAULT_INTERVALS: SyncIntervals = { conversationMs: 2_000, listMs: 5_000 };

/** Updates are asked for this far before the newest one seen, so that two in the same instant are not missed. */
const OVERLAP_MS = 1_000;
const MAX_PAGES = 5;
const PAGE_SIZE = 100;
const MAX_BACKOFF_MS = 30_000;
/** Ids remembered per follower to tell a repeat from a change. */
const MAX_REMEMBERED = 2_000;

interface Item {
  id?: unknown;
  updated_at?: unknown;
  last_message_at?: unknown;
  created_at?: unknown;
}

/** When an item last changed: messages carry `updated_at`; conversations only their last message's time. */
function versionOf(item: Item): string | null {
  for (const value of [item.updated_at, item.last_message_at, item.created_at]) {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
  }
  return null;
}

/** One loop that follows a list (a conversation's messages, or an account's conversations) while it has viewers. */
interface Follower {
  /** Its name among all instances (for its lease). */
  key: string;
  /** Whether this instance held its lease at its last run. */
  holding: boolean;
  viewers: number;
  since: string | null;
  seen: Map<string, string>;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  failures: number;
  /** Asked to run again as soon as the current run ends. */
  again: boolean;
  /** When its last viewer left; its mark is kept a while, so a viewer who comes back misses nothing. */
  idleSince: number;
}

export interface SyncEngine {
  /** Someone has this account open (and this conversation, if any); the answer stops watching. */
  watch(accountId: string, conversationId: string | null): () => void;
  /** Something was written through the inbox: follow the conversation (or else the list) at once. */
  poke(accountId: string, conversationId: string | null): void;
  /** Whether someone here watches this account's list (or, given one, this conversation), so it is followed. */
  follows(accountId: string, conversationId: string | null): boolean;
  /** What is being followed now, for tests and the health of the engine. */
  following(): { lists: number; conversations: number };
  close(): void;
}

const newFollower = (key: string): Follower => ({
  key,
  holding: false,
  viewers: 0,
  since: null,
  seen: new Map(),
  timer: null,
  running: false,
  failures: 0,
  again: false,
  idleSince: 0,
});

/** How long a follower's mark outlives its last viewer. */
const KEEP_IDLE_MS = 15 * 60_000;

/**
 * The server as the one consumer of StackOne per account: one loop per open account follows its conversation list,
 * one per viewed conversation its messages, both with `filter[updated_after]`, however many people watch. What
 * changed is published to the event hub; loops slow down as the rate budget runs low and stop with their last viewer.
 */
export function createSyncEngine(options: {
  upstream: Upstream;
  hub: EventHub;
  budget: RateBudget;
  intervals?: SyncIntervals;
  timeoutMs?: number;
  /** Shared with other instances through Redis; by default this instance follows everything itself. */
  leases?: Leases;
}): SyncEngine {
  const { upstream, hub, budget } = options;
  const leases = options.leases ?? memoryLeases();
  const intervals = options.intervals ?? DEFAULT_INTERVALS;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lists = new Map<string, Follower>();
  const conversations = new Map<string, Follower>();
  let closed = false;

  const conversationKey = (accountId: string, conversationId: string) => `${accountId}\n${conversationId}`;

  async function fetchPage(accountId: string, path: string, query: URLSearchParams) {
    const response = await upstream.fetch(upstreamGet(upstream, `${path}?${query}`, accountId, timeoutMs), 'sync');
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`upstream ${response.status}`);
    }
    return (await response.json()) as { data?: Item[]; next?: string | null };
  }

  /**
   * New or changed items since the follower's mark, oldest first. The first run gives the newest page as it is: what
   * a viewer read just before it began watching may already be older than that.
   */
  async function changes(accountId: string, path: string, follower: Follower, firstPageSize: number): Promise<Item[]> {
    const first = follower.since === null;
    const found: Item[] = [];
    let next: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams({ page_size: String(first ? firstPageSize : PAGE_SIZE) });
      if (!first) query.set('filter[updated_after]', new Date(Date.parse(follower.since!) - OVERLAP_MS).toISOString());
      if (next) query.set('next', next);
      const body = await fetchPage(accountId, path, query);
      found.push(...(body.data ?? []));
      next = typeof body.next === 'string' && body.next.trim() ? body.next : null;
      if (first || !next) break;
    }
    const fresh: Item[] = [];
    for (const item of found) {
      const version = item && typeof item.id === 'string' ? versionOf(item) : null;
      if (version === null) continue;
      if (follower.since === null || version > follower.since) follower.since = version;
      if (follower.seen.get(item.id as string) === version) continue;
      follower.seen.set(item.id as string, version);
      fresh.push(item);
    }
    if (follower.since === null) follower.since = new Date().toISOString();
    while (follower.seen.size > MAX_REMEMBERED) follower.seen.delete(follower.seen.keys().next().value!);
    // Pages come newest first: reversed, a stable sort keeps the upstream's order among changes of the same instant.
    return fresh.reverse().sort((a, b) => versionOf(a)!.localeCompare(versionOf(b)!));
  }

  async function slowdown(): Promise<number> {
    const left = await budget.left();
    return left < 0.35 ? 4 : left < 0.5 ? 2 : 1;
  }

  function schedule(follower: Follower, baseMs: number, run: () => Promise<void>, delayMs?: number) {
    if (closed || follower.viewers === 0 || follower.timer !== null) return;
    follower.timer = setTimeout(() => {
      follower.timer = null;
      void step(follower, baseMs, run);
    }, delayMs ?? baseMs);
    follower.timer.unref?.();
  }

  async function step(follower: Follower, baseMs: number, run: () => Promise<void>) {
    if (closed || follower.viewers === 0 || follower.running) return;
    follower.running = true;
    follower.again = false;
    let delay: number;
    try {
      const factor = await slowdown();
      // Another instance follows this one while it holds the lease; this one takes over when it lapses.
      const lease = await leases.hold(follower.key, Math.max(6_000, 3 * baseMs * factor));
      if (!lease.held) {
        follower.holding = false;
        delay = baseMs;
      } else {
        if (!follower.holding && lease.mark !== null) follower.since = lease.mark;
        follower.holding = true;
        // Only looked at here: the run's own upstream calls spend the budget.
        const wait = await budget.check('sync');
        if (wait !== null) {
          delay = Math.max(wait, baseMs);
        } else {
          await run();
          if (follower.since !== null) await leases.saveMark(follower.key, follower.since);
          follower.failures = 0;
          delay = baseMs * factor;
        }
      }
    } catch {
      follower.failures++;
      delay = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** follower.failures);
    } finally {
      follower.running = false;
    }
    if (follower.again) delay = 0;
    schedule(follower, baseMs, run, delay);
  }

  function followConversation(accountId: string, conversationId: string, follower: Follower) {
    const path = `/unified/messaging/conversations/${encodeURIComponent(conversationId)}/messages`;
    return async () => {
      for (const message of await changes(accountId, path, follower, 25)) {
        await hub.publish({ type: 'message', accountId, conversationId, data: message });
      }
    };
  }

  function followList(accountId: string, follower: Follower) {
    return async () => {
      for (const conversation of await changes(accountId, '/unified/messaging/conversations', follower, 50)) {
        await hub.publish({
          type: 'conversation',
          accountId,
          conversationId: String(conversation.id),
          data: conversation,
        });
      }
    };
  }

  const runners = new WeakMap<Follower, () => Promise<void>>();
  // A poke from any instance: whichever holds the lease follows at once.
  leases.onPoke((accountId, conversationId) => {
    const conversation =
      conversationId === null ? undefined : conversations.get(conversationKey(accountId, conversationId));
    poked(conversation, intervals.conversationMs);
    poked(lists.get(accountId), intervals.listMs);
  });

  function start(follower: Follower, baseMs: number, run: () => Promise<void>) {
    runners.set(follower, run);
    void step(follower, baseMs, run);
  }

  function stop(map: Map<string, Follower>, key: string) {
    const follower = map.get(key);
    if (!follower) return;
    follower.viewers--;
    if (follower.viewers > 0) return;
    if (follower.timer !== null) clearTimeout(follower.timer);
    follower.timer = null;
    follower.idleSince = Date.now();
    if (follower.holding) leases.release(follower.key).catch(() => undefined);
    follower.holding = false;
  }

  let swept = Date.now();
  function sweep() {
    if (Date.now() - swept < 60_000) return;
    swept = Date.now();
    for (const map of [lists, conversations]) {
      for (const [key, follower] of map) {
        if (follower.viewers === 0 && Date.now() - follower.idleSince > KEEP_IDLE_MS) map.delete(key);
      }
    }
  }

  function poked(follower: Follower | undefined, baseMs: number) {
    if (!follower || follower.viewers === 0) return;
    const run = runners.get(follower)!;
    if (follower.running) {
      follower.again = true;
      return;
    }
    if (follower.timer !== null) clearTimeout(follower.timer);
    follower.timer = null;
    void step(follower, baseMs, run);
  }

  return {
    watch(accountId, conversationId) {
      sweep();
      let list = lists.get(accountId);
      if (!list) lists.set(accountId, (list = newFollower(`list:${accountId}`)));
      if (list.viewers++ === 0) start(list, intervals.listMs, followList(accountId, list));
      const key = conversationId === null ? null : conversationKey(accountId, conversationId);
      if (key !== null) {
        let conversation = conversations.get(key);
        if (!conversation)
          conversations.set(key, (conversation = newFollower(`conversation:${accountId}:${conversationId}`)));
        if (conversation.viewers++ === 0) {
          start(conversation, intervals.conversationMs, followConversation(accountId, conversationId!, conversation));
        }
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        stop(lists, accountId);
        if (key !== null) stop(conversations, key);
      };
    },
    poke(accountId, conversationId) {
      leases.poke(accountId, conversationId);
    },
    follows(accountId, conversationId) {
      const follower =
        conversationId === null ? lists.get(accountId) : conversations.get(conversationKey(accountId, conversationId));
      return (follower?.viewers ?? 0) > 0;
    },
    following: () => ({
      lists: [...lists.values()].filter((follower) => follower.viewers > 0).length,
      conversations: [...conversations.values()].filter((follower) => follower.viewers > 0).length,
    }),
    close() {
      closed = true;
      for (const follower of [...lists.values(), ...conversations.values()]) {
        if (follower.timer !== null) clearTimeout(follower.timer);
      }
      lists.clear();
      conversations.clear();
    },
  };
}
