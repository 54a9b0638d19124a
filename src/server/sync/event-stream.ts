import type { Context } from 'hono';
import type { EventHub, InboxEvent } from './event-hub';
import type { SyncEngine } from './sync-engine';

/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before it reconnects, told in the stream. */
const RETRY_MS = 2_000;
/** Events waiting for a slow viewer; past this it is told to reset and let go, rather than held in memory. */
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
  const stops = [
    engine.watch(watch.accountId, watch.conversationId),
    ...watch.also.map((id) => engine.watch(id, null)),
  ];
  return () => stops.forEach((stop) => stop());
}

const encoder = new TextEncoder();
const frame = (event: string, data: string, id?: string) =>
  encoder.encode(`event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${data}\n\n`);
const HEARTBEAT = encoder.encode(': still here\n\n');

/** Every open stream's way to say it is still there, on one timer for all of them. */
const heartbeats = new Set<() => void>();
let heartbeatTimer: ReturnType<typeof setInterval> | null = null;
function beatWith(beat: () => void): () => void {
  heartbeats.add(beat);
  heartbeatTimer ??= setInterval(() => heartbeats.forEach((each) => each()), HEARTBEAT_MS);
  heartbeatTimer.unref?.();
  return () => {
    heartbeats.delete(beat);
    if (heartbeats.size === 0 && heartbeatTimer !== null) {
      clearInterval(heartbeatTimer);
      heartbeatTimer = null;
    }
  };
}

/**
 * `GET /api/inbox/events` as Server-Sent Events: what changes in the watched account's list and conversation (and in
 * the lists of the `also` accounts), with event ids. A viewer who comes back with Last-Event-ID first gets what it
 * missed, or `reset` when that is no longer kept. While the stream is open the sync engine follows what it watches.
 * The stream is one ReadableStream fed by the event hub (not a writer and a pipe per viewer), so that ten thousand
 * open streams fit in one instance; a viewer too slow to take what it is sent is told to reset and reconnects.
 */
export function eventStream(c: Context, hub: EventHub, engine: SyncEngine, watch: Watch): Response {
  const wanted = concerns(watch);
  let stop = () => undefined as void;
  const body = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let open = true;
        const send = (chunk: Uint8Array) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) <= -MAX_QUEUED) {
            controller.enqueue(frame('reset', '{}'));
            stop();
            controller.close();
            return;
          }
          controller.enqueue(chunk);
        };
        const held: InboxEvent[] = [];
        let replaying = watch.lastEventId !== null;
        const publish = (event: InboxEvent) => send(frame(event.type, JSON.stringify(event), event.id));
        const unsubscribe = hub.subscribe((event) => {
          if (!wanted(event)) return;
          if (replaying) held.push(event);
          else publish(event);
        });
        const unwatch = follow(engine, watch);
        const silence = beatWith(() => send(HEARTBEAT));
        stop = () => {
          if (!open) return;
          open = false;
          unsubscribe();
          unwatch();
          silence();
        };
        // The first event also says how long the browser waits before it reconnects.
        controller.enqueue(
          encoder.encode(
            `event: ready\nretry: ${RETRY_MS}\ndata: ${JSON.stringify({ accountId: watch.accountId })}\n\n`,
          ),
        );
        if (watch.lastEventId !== null) {
          const missed = await hub.since(watch.lastEventId).catch(() => null);
          if (missed === null) send(frame('reset', '{}'));
          else {
            const ids = new Set<string>();
            for (const event of missed.filter(wanted)) {
              ids.add(event.id);
              publish(event);
            }
            // What arrived while the missed events were read, unless it was among them.
            for (const event of held) if (!ids.has(event.id)) publish(event);
          }
          replaying = false;
          held.length = 0;
        }
      },
      cancel: () => stop(),
    },
    { highWaterMark: 1 },
  );
  return c.body(body, 200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
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
