import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventHub, InboxEvent } from './event-hub';
import type { SyncEngine } from './sync-engine';

/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before it reconnects, told in the stream. */
const RETRY_MS = 2_000;
/** Events waiting for a slow viewer; past this the viewer is told to reload rather than hold memory. */
const MAX_QUEUED = 500;

export interface Watch {
  accountId: string;
  conversationId: string | null;
  /** Further accounts whose conversation lists are watched too (for their unread counts). */
  also: readonly string[];
  /** Last-Event-ID of a viewer who reconnects. */
  lastEventId: string | null;
}

const concerns = (watch: Watch) => (event: InboxEvent) =>
  event.accountId === watch.accountId
    ? event.type === 'conversation' || event.conversationId === watch.conversationId
    : event.type === 'conversation' && watch.also.includes(event.accountId);

/** The sync follows what a watch looks at (its account, its conversation, the other accounts' lists) until the answer is called. */
function follow(engine: SyncEngine, watch: Watch): () => void {
  const stops = [engine.watch(watch.accountId, watch.conversationId), ...watch.also.map((id) => engine.watch(id, null))];
  return () => stops.forEach((stop) => stop());
}

/**
 * `GET /api/inbox/events` as Server-Sent Events: what changes in the watched account's list and conversation (and in
 * the lists of the `also` accounts), with event ids. A viewer who comes back with Last-Event-ID first gets what it missed, or `reset` when that is no longer
 * kept. While the stream is open the sync engine follows what it watches.
 */
export function eventStream(c: Context, hub: EventHub, engine: SyncEngine, watch: Watch) {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const wanted = concerns(watch);
    const queue: InboxEvent[] = [];
    let wake: (() => void) | null = null;
    let overflowed = false;
    const unsubscribe = hub.subscribe((event) => {
      if (!wanted(event)) return;
      if (queue.length >= MAX_QUEUED) overflowed = true;
      else queue.push(event);
      wake?.();
    });
    const unwatch = follow(engine, watch);
    let open = true;
    stream.onAbort(() => {
      open = false;
      wake?.();
    });
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ accountId: watch.accountId }), retry: RETRY_MS });
      if (watch.lastEventId !== null) {
        const missed = await hub.since(watch.lastEventId);
        if (missed === null) await stream.writeSSE({ event: 'reset', data: '{}' });
        else queue.unshift(...missed.filter(wanted));
      }
      while (open) {
        if (overflowed) {
          overflowed = false;
          queue.length = 0;
          await stream.writeSSE({ event: 'reset', data: '{}' });
        }
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, id: event.id, data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (open && queue.length === 0 && !overflowed) await stream.write(': still here\n\n');
      }
    } finally {
      unsubscribe();
      unwatch();
    }
  });
}

/** How long one poll keeps what it watches followed, so that a browser that polls every few seconds misses nothing. */
export const POLL_WATCH_MS = 30_000;
const MAX_POLL_EVENTS = 500;

/**
 * The same events as JSON, for a browser whose event stream does not get through (a proxy that buffers it): the
 * events after `lastEventId` (or `reset`), and the newest id to ask from next time. Each poll keeps the account and
 * conversation followed for a while, so the next poll finds what changed meanwhile.
 */
export async function eventPoll(hub: EventHub, engine: SyncEngine, watch: Watch) {
  const unwatch = follow(engine, watch);
  setTimeout(unwatch, POLL_WATCH_MS).unref?.();
  const wanted = concerns(watch);
  if (watch.lastEventId === null) return { events: [], lastEventId: await hub.newestId(), reset: false };
  const missed = await hub.since(watch.lastEventId);
  if (missed === null) return { events: [], lastEventId: await hub.newestId(), reset: true };
  const events = missed.filter(wanted).slice(-MAX_POLL_EVENTS);
  return { events, lastEventId: missed.at(-1)?.id ?? watch.lastEventId, reset: false };
}
