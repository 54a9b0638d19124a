import { useSyncExternalStore } from 'react';
import { readLocal, writeLocal } from './local-store';

// When the reader last saw each conversation, per account, kept on this device (the API has no read state).
type Seen = Record<string, string>;
const key = (accountId: string) => `inbox:last-seen:${accountId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, Seen>();

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
  for (const listener of listeners) listener();
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
