import { backoffMs, isTransientStatus, SEND_BACKOFF } from './retry-policy';

/** The outbox's state machine, pure: what happens to a message between "Send" and the server's 201. */

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry {
  /** Also the Idempotency-Key of every attempt, so a retry can never send twice. */
  key: string;
  accountId: string;
  /** Where it shows: the conversation, when known before sending. */
  conversationId: string | null;
  recipient: string;
  content: string;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which no automatic retry happens. */
  retryAt: number;
  error: { status: number; message: string } | null;
  sentId: string | null;
}

export const MAX_AUTOMATIC_ATTEMPTS = 4;

export function newEntry(
  input: Pick<OutboxEntry, 'key' | 'accountId' | 'conversationId' | 'recipient' | 'content'>,
  now: Date,
): OutboxEntry {
  return {
    ...input,
    createdAt: now.toISOString(),
    status: 'queued',
    attempts: 0,
    retryAt: 0,
    error: null,
    sentId: null,
  };
}

/** A lane keeps one recipient's messages in order: an entry goes only when nothing before it is unsent. */
export const laneOf = (entry: OutboxEntry) => `${entry.accountId}\n${entry.conversationId ?? entry.recipient}`;

/** The entries that may be attempted now: the first unsent of each lane, if it is queued and due. */
export function due(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  const blocked = new Set<string>();
  const ready: OutboxEntry[] = [];
  for (const entry of entries) {
    if (entry.status === 'sent') continue;
    const lane = laneOf(entry);
    if (blocked.has(lane)) continue;
    blocked.add(lane);
    if (entry.status === 'queued' && entry.retryAt <= now) ready.push(entry);
  }
  return ready;
}

/** Whether a failure is worth trying again by itself: the network, timeouts, rate limits and server errors. */

export type OutboxEvent =
  | { type: 'attempt'; key: string }
  | { type: 'sent'; key: string; id: string }
  | { type: 'failed'; key: string; status: number; message: string; retryAfter: number | null; now: number }
  | { type: 'retry'; key: string }
  | { type: 'discard'; key: string }
  | { type: 'confirmed'; key: string }
  | { type: 'resume' }
  | { type: 'reconnected' }
  | { type: 'held'; key: string };

export function reduce(entries: readonly OutboxEntry[], event: OutboxEvent, random = Math.random): OutboxEntry[] {
  const update = (key: string, change: (entry: OutboxEntry) => OutboxEntry | null) =>
    entries.flatMap((entry) => {
      if (entry.key !== key) return [entry];
      const next = change(entry);
      return next ? [next] : [];
    });
  switch (event.type) {
    case 'attempt':
      return update(event.key, (e) => ({ ...e, status: 'sending', attempts: e.attempts + 1 }));
    case 'sent':
      return update(event.key, (e) => ({ ...e, status: 'sent', sentId: event.id, error: null }));
    case 'failed':
      return update(event.key, (e) => {
        const error = { status: event.status, message: event.message };
        if (isTransientStatus(event.status) && e.attempts < MAX_AUTOMATIC_ATTEMPTS) {
          return {
            ...e,
            status: 'queued',
            error,
            retryAt: event.now + backoffMs(e.attempts, event.retryAfter, SEND_BACKOFF, random),
          };
        }
        return { ...e, status: 'failed', error };
      });
    case 'retry':
      return update(event.key, (e) =>
        e.status === 'failed' ? { ...e, status: 'queued', attempts: 0, retryAt: 0 } : e,
      );
    case 'discard':
      return update(event.key, (e) => (e.status === 'sent' || e.status === 'sending' ? e : null));
    case 'confirmed':
      return update(event.key, () => null);
    case 'reconnected':
      // The server is back: what failed because it was away goes again at once, with the same key.
      return entries.map((e) =>
        (e.status === 'failed' && e.error && isTransientStatus(e.error.status)) ||
        (e.status === 'queued' && e.retryAt > 0)
          ? { ...e, status: 'queued', attempts: e.status === 'failed' ? 0 : e.attempts, retryAt: 0 }
          : e,
      );
    case 'held':
      // The connection went away during the attempt: the message waits for it, and the attempt does not count.
      return update(event.key, (e) => ({
        ...e,
        status: 'queued',
        attempts: Math.max(0, e.attempts - 1),
        retryAt: 0,
        error: null,
      }));
    case 'resume':
      // A send cut off by a reload may or may not have arrived: sending again with the same key is safe.
      return entries.map((e) => (e.status === 'sending' ? { ...e, status: 'queued', retryAt: 0 } : e));
  }
}
