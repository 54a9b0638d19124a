import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { CreateResultSchema } from '../contract/envelopes';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { readLocal, writeLocal } from '../lib/local-store';
import { request } from './client';
import { conversationQueries } from './conversations';
import { ApiError, errorMessage } from './errors';
import { mergeMessages, messageQueries } from './messages';
import { due, newEntry, type OutboxEntry, type OutboxEvent, reduce } from './outbox-state';

const STORAGE_KEY = 'inbox:outbox';
const offline = () => globalThis.navigator?.onLine === false;

/**
 * Messages on their way out. Every send is an entry kept in local storage until the server has it and the
 * thread shows it, so a reload or a closed tab resumes it; each attempt reuses the entry's Idempotency-Key.
 */
class Outbox {
  private entries: OutboxEntry[] = [];
  private listeners = new Set<() => void>();
  private client: QueryClient | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = new Set<string>();
  private waiting = new Map<string, { resolve: (id: string) => void; reject: (error: Error) => void }>();

  constructor() {
    const stored = readLocal<unknown>(STORAGE_KEY, []);
    this.entries = Array.isArray(stored) ? (stored as OutboxEntry[]) : [];
    this.entries = reduce(this.entries, { type: 'resume' });
  }

  /** Starts sending through this client; a second start replaces the first. Returns what stops it. */
  start(client: QueryClient): () => void {
    this.stop();
    this.client = client;
    const onOnline = () => this.reconnected();
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY) this.reload();
    };
    globalThis.addEventListener?.('online', onOnline);
    globalThis.addEventListener?.('storage', onStorage);
    this.detach = () => {
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('storage', onStorage);
    };
    this.kick();
    return () => this.stop();
  }

  private detach: (() => void) | null = null;

  private stop() {
    this.detach?.();
    this.detach = null;
    this.client = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  snapshot = () => this.entries;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Queues a message; resolves with its id once the server has it, rejects when it fails for good. */
  enqueue(input: { accountId: string; conversationId: string | null; recipient: string; content: string }): {
    key: string;
    sent: Promise<string>;
  } {
    // Also the message's Idempotency-Key; made without crypto.randomUUID, which plain http on a LAN address lacks.
    const key = newIdempotencyKey();
    const sent = new Promise<string>((resolve, reject) => this.waiting.set(key, { resolve, reject }));
    sent.catch(() => undefined);
    this.dispatch({ type: 'append', entry: newEntry({ key, ...input }, new Date()) });
    return { key, sent };
  }

  retry = (key: string) => this.dispatch({ type: 'retry', key });
  /** The connection to the server is back: what failed while it was away is sent again by itself. */
  reconnected = () => this.dispatch({ type: 'reconnected' });
  discard = (key: string) => this.dispatch({ type: 'discard', key });

  private dispatch(event: OutboxEvent | { type: 'append'; entry: OutboxEntry }) {
    this.entries = event.type === 'append' ? [...this.entries, event.entry] : reduce(this.entries, event);
    // Without storage the outbox still works for this tab.
    writeLocal(STORAGE_KEY, this.entries);
    for (const listener of this.listeners) listener();
    this.kick();
  }

  private reload() {
    const stored = readLocal<unknown>(STORAGE_KEY, []);
    if (!Array.isArray(stored)) return;
    this.entries = stored as OutboxEntry[];
    for (const listener of this.listeners) listener();
  }

  private kick() {
    if (!this.client) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Offline, messages wait (shown as waiting, not failed); the `online` event sends them.
    if (offline()) return;
    const now = Date.now();
    for (const entry of due(this.entries, now)) if (!this.running.has(entry.key)) void this.attempt(entry);
    for (const entry of this.entries.filter((e) => e.status === 'sent'))
      if (!this.running.has(entry.key)) void this.confirm(entry);
    const next = Math.min(
      ...this.entries.filter((e) => e.status === 'queued' && e.retryAt > now).map((e) => e.retryAt),
    );
    if (Number.isFinite(next)) this.timer = setTimeout(() => this.kick(), Math.max(50, next - now));
  }

  private async attempt(entry: OutboxEntry) {
    this.running.add(entry.key);
    this.dispatch({ type: 'attempt', key: entry.key });
    try {
      const result = await request('/unified/messaging/messages', CreateResultSchema, {
        accountId: entry.accountId,
        method: 'POST',
        body: { recipient: entry.recipient, content: entry.content },
        headers: { 'Idempotency-Key': entry.key },
      });
      this.running.delete(entry.key);
      this.dispatch({ type: 'sent', key: entry.key, id: result.data.id ?? '' });
    } catch (error) {
      this.running.delete(entry.key);
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 0 && offline()) return this.dispatch({ type: 'held', key: entry.key });
      const retryAfter = error instanceof ApiError ? error.retryAfter : null;
      this.dispatch({
        type: 'failed',
        key: entry.key,
        status,
        message: errorMessage(error),
        retryAfter,
        now: Date.now(),
      });
      const after = this.entries.find((e) => e.key === entry.key);
      if (after?.status === 'failed')
        this.waiting.get(entry.key)?.reject(new Error(after.error?.message ?? 'Not sent'));
    }
  }

  /** Puts the stored message (real id and author) into the thread, then lets the entry go. */
  private async confirm(entry: OutboxEntry) {
    const client = this.client!;
    this.running.add(entry.key);
    try {
      if (entry.conversationId && entry.sentId) {
        const message = await client.fetchQuery(messageQueries.detail(entry.accountId, entry.sentId));
        if (message) mergeMessages(client, entry.accountId, entry.conversationId, [message]);
      } else {
        await client.invalidateQueries({ queryKey: messageQueries.all(entry.accountId) });
      }
      void client.invalidateQueries({ queryKey: conversationQueries.all(entry.accountId) });
      this.waiting.get(entry.key)?.resolve(entry.sentId ?? '');
      this.waiting.delete(entry.key);
      this.running.delete(entry.key);
      this.dispatch({ type: 'confirmed', key: entry.key });
    } catch {
      // The message is sent; showing it is retried at the next kick.
      this.running.delete(entry.key);
      setTimeout(() => this.kick(), 2_000);
    }
  }
}

export const outbox = new Outbox();

/** The unsent (or just sent) messages of one conversation, oldest first. */
export function useOutbox(accountId: string, conversationId: string): OutboxEntry[] {
  const entries = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  return entries.filter((e) => e.accountId === accountId && e.conversationId === conversationId);
}
