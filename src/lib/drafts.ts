import { useSyncExternalStore } from 'react';
import { readLocal, writeLocal } from './local-store';

// Unsent text per conversation, kept on this device across navigation and reloads.
type Drafts = Record<string, string>;
const key = (accountId: string) => `inbox:drafts:${accountId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, Drafts>();

function read(accountId: string): Drafts {
  let drafts = cache.get(accountId);
  if (!drafts) {
    drafts = readLocal<Drafts>(key(accountId), {});
    cache.set(accountId, drafts);
  }
  return drafts;
}

export function readDraft(accountId: string, conversationId: string): string {
  return read(accountId)[conversationId] ?? '';
}

export function writeDraft(accountId: string, conversationId: string, text: string): void {
  const drafts = { ...read(accountId) };
  if (text.trim() === '') delete drafts[conversationId];
  else drafts[conversationId] = text;
  cache.set(accountId, drafts);
  writeLocal(key(accountId), drafts);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The drafts of an account (conversation id → text); re-renders when one changes. */
export function useDrafts(accountId: string): Drafts {
  return useSyncExternalStore(subscribe, () => read(accountId));
}
