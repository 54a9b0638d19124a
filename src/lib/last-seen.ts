import { useMemo, useSyncExternalStore } from 'react';
import { readLocal, writeLocal } from './local-store';

// When the reader last saw each conversation, per account, kept on this device (the API has no read state).
type Seen = Record<string, string>;
const key = (accountId: string) => `inbox:last-seen:${accountId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, Seen>();
/** Counts every change, so that a view of several accounts knows when to read them again. */
let version = 0;

// On a first visit, what happened more than a day before counts as read, as a new member of a team would expect.
const BASELINE = '*';
const DAY = 86_400_000;

function read(accountId: string): Seen {
  let seen = cache.get(accountId);
  if (!seen) {
    seen = readLocal<Seen>(key(accountId), {});
    if (!seen[BASELINE]) {
      seen = { ...seen, [BASELINE]: new Date(Date.now() - DAY).toISOString() };
      writeLocal(key(accountId), seen);
    }
    cache.set(accountId, seen);
  }
  return seen;
}

export function markSeen(accountId: string, conversationId: string, at: string | null | undefined): void {
  if (!at) return;
  const seen = read(accountId);
  if (seen[conversationId] && seen[conversationId]! >= at) return;
  const next = { ...seen, [conversationId]: at };
  cache.set(accountId, next);
  writeLocal(key(accountId), next);
  version++;
  for (const listener of listeners) listener();
}

/** When the reader last saw the conversation (or the account's first-visit baseline). */
export function lastSeenAt(accountId: string, conversationId: string): string | undefined {
  const seen = read(accountId);
  return seen[conversationId] ?? seen[BASELINE];
}

export function isUnread(seen: Seen, conversationId: string, lastMessageAt: string | null | undefined): boolean {
  if (!lastMessageAt) return false;
  const at = seen[conversationId] ?? seen[BASELINE];
  return at === undefined || lastMessageAt > at;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('inbox:last-seen:')) {
      cache.clear();
      version++;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The last-seen map of an account; re-renders when any conversation is marked seen. */
export function useLastSeen(accountId: string): Seen {
  return useSyncExternalStore(subscribe, () => read(accountId));
}

/** The last-seen maps of several accounts, in the same order; re-renders when any conversation is marked seen. */
export function useLastSeenOf(accountIds: readonly string[]): Seen[] {
  const at = useSyncExternalStore(subscribe, () => version);
  // `at` changes whenever a map does, and the maps are read again.
  return useMemo(() => accountIds.map(read), [accountIds, at]);
}

/** How many of these conversations have messages the reader has not seen (each conversation once). */
export function countUnread(
  conversations: Iterable<{ id?: string | null; last_message_at?: string | null }>,
  seen: Seen,
) {
  const ids = new Set<string>();
  let unread = 0;
  for (const conversation of conversations) {
    if (!conversation.id || ids.has(conversation.id)) continue;
    ids.add(conversation.id);
    if (isUnread(seen, conversation.id, conversation.last_message_at)) unread++;
  }
  return unread;
}
