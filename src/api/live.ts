import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { Paginated } from '../contract/envelopes';
import { type Conversation, ConversationSchema, type Message, MessageSchema } from '../contract/models';
import { conversationQueries } from './conversations';
import { mergeMessages, messageQueries } from './messages';
import { outbox } from './outbox';
import { getSession } from './session';

/** The event stream's state: on its way, open, or lost and being retried. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

let status: LiveStatus = 'connecting';
const statusListeners = new Set<() => void>();
function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  for (const listener of statusListeners) listener();
}

export const liveStatus = () => status;

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore((listener) => {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  }, liveStatus);
}

type Arrival = (count: number) => void;
const arrivals = new Map<string, Set<Arrival>>();
const arrivalKey = (accountId: string, conversationId: string) => `${accountId}\n${conversationId}`;

/** Tells the caller how many new messages the stream put into this conversation's cache. */
export function onLiveArrivals(accountId: string, conversationId: string, listener: Arrival): () => void {
  const key = arrivalKey(accountId, conversationId);
  const set = arrivals.get(key) ?? arrivals.set(key, new Set()).get(key)!;
  set.add(listener);
  return () => set.delete(listener);
}

type ConversationPages = InfiniteData<Paginated<Conversation>, string | null>;

/** A conversation with new activity moves to the top of the cached list (it is added when it was not there). */
export function upsertConversation(queryClient: QueryClient, accountId: string, conversation: Conversation) {
  if (!conversation.id) return;
  queryClient.setQueryData<ConversationPages>(conversationQueries.list(accountId).queryKey, (data) => {
    if (!data || data.pages.length === 0) return data;
    let previous: Conversation | undefined;
    const pages = data.pages.map((page) => ({
      ...page,
      data: (page.data ?? []).filter((item) => {
        if (item.id !== conversation.id) return true;
        previous = item;
        return false;
      }),
    }));
    const merged = { ...previous, ...conversation };
    if (previous?.last_message_at && (merged.last_message_at ?? '') < previous.last_message_at) {
      merged.last_message_at = previous.last_message_at;
    }
    pages[0] = { ...pages[0]!, data: [merged, ...(pages[0]!.data ?? [])] };
    return { ...data, pages };
  });
  queryClient.setQueryData(
    conversationQueries.detail(accountId, conversation.id).queryKey,
    (old: Conversation | null | undefined) => (old ? { ...old, ...conversation } : old),
  );
}

/** The id of the last event seen per account, so that a new stream (another conversation) resumes after it. */
const lastEventIds = new Map<string, string>();
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Follows the server's event stream for the open account and conversation while mounted, merging new and changed
 * messages into the thread's cache and conversation activity into the list. The browser's EventSource reconnects by
 * itself with Last-Event-ID; when the server refuses the stream (a restart, an ended session) it is opened again
 * after a pause, and the session is checked, so that a signed-out person sees the sign-in page.
 */
export function useLiveInbox(watchedAccount: string | null, conversationId: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (watchedAccount === null || typeof EventSource === 'undefined') return;
    const accountId = watchedAccount;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const read = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastEventIds.set(accountId, event.lastEventId);
      return JSON.parse(event.data) as { conversationId: string; data: unknown };
    };

    function connect() {
      const query = new URLSearchParams({ account: accountId });
      if (conversationId) query.set('conversation', conversationId);
      const last = lastEventIds.get(accountId);
      if (last) query.set('last_event_id', last);
      source = new EventSource(`/api/inbox/events?${query}`);
      source.addEventListener('ready', () => {
        failures = 0;
        if (status === 'reconnecting') outbox.reconnected();
        setStatus('open');
      });
      source.addEventListener('message', (event) => {
        const { conversationId: where, data } = read(event);
        const message = MessageSchema.safeParse(data);
        if (!message.success) return;
        const added = mergeMessages(queryClient, accountId, where, [message.data as Message]);
        if (added > 0) for (const listener of arrivals.get(arrivalKey(accountId, where)) ?? []) listener(added);
      });
      source.addEventListener('conversation', (event) => {
        const conversation = ConversationSchema.safeParse(read(event).data);
        if (conversation.success) upsertConversation(queryClient, accountId, conversation.data);
      });
      source.addEventListener('reset', () => {
        void queryClient.invalidateQueries({ queryKey: conversationQueries.all(accountId) });
        if (conversationId) {
          void queryClient.invalidateQueries({ queryKey: messageQueries.list(accountId, conversationId).queryKey });
        }
      });
      source.onerror = () => {
        if (stopped) return;
        setStatus('reconnecting');
        if (source?.readyState !== EventSource.CLOSED) return; // the browser tries again by itself
        source = null;
        const wait = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]!;
        retry = setTimeout(() => {
          // A refused stream may mean the session ended: the session query then shows the sign-in page.
          void getSession(true)
            .catch(() => null)
            .then(() => {
              if (!stopped) connect();
            });
        }, wait);
      };
    }

    connect();
    return () => {
      stopped = true;
      if (retry !== null) clearTimeout(retry);
      source?.close();
    };
  }, [watchedAccount, conversationId, queryClient]);
}
