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

type Activity = (accountId: string, conversation: Conversation) => void;
const activityListeners = new Set<Activity>();

/** Hears of every conversation that got a new message, as the stream tells it (for notifications). */
export function onConversationActivity(listener: Activity): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

function lastMessageAt(queryClient: QueryClient, accountId: string, id: string): string | null {
  const data = queryClient.getQueryData<ConversationPages>(conversationQueries.list(accountId).queryKey);
  for (const page of data?.pages ?? []) {
    const found = page.data?.find((item) => item.id === id);
    if (found) return found.last_message_at ?? null;
  }
  return null;
}

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

/** A conversation with new activity in an account not open: its place among the account's newest (for its unread count). */
function upsertRecent(queryClient: QueryClient, accountId: string, conversation: Conversation) {
  queryClient.setQueryData(conversationQueries.recent(accountId).queryKey, (data: Conversation[] | undefined) => {
    if (!data) return data;
    const previous = data.find((item) => item.id === conversation.id);
    return [{ ...previous, ...conversation }, ...data.filter((item) => item.id !== conversation.id)];
  });
}

/** The id of the last event seen per account, so that a new stream (another conversation) resumes after it. */
const lastEventIds = new Map<string, string>();
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** How long the stream may take to say `ready` before the page decides it does not get through (a buffering proxy). */
const READY_WITHIN_MS = 8_000;
/** How often the page asks the server for events when the stream does not get through. */
export const POLL_EVENTS_MS = 3_000;

interface WireEvent {
  type: 'message' | 'conversation';
  id?: string;
  accountId?: string;
  conversationId: string;
  data: unknown;
}

/**
 * Follows the server's events for the open account and conversation while mounted, merging new and changed messages
 * into the thread's cache and conversation activity into the list. They come as Server-Sent Events (the browser's
 * EventSource reconnects by itself with Last-Event-ID; when the server refuses the stream, after a restart or an
 * ended session, it is opened again after a pause, and the session is checked, so that a signed-out person sees the
 * sign-in page). When the stream does not get through at all, the page asks the server for the same events every
 * few seconds instead: the server, never StackOne.
 */
export function useLiveInbox(
  watchedAccount: string | null,
  conversationId: string | null,
  /** Other accounts whose newest conversations are kept up to date too (for their unread counts). */
  alsoAccounts: readonly string[] = [],
): void {
  const queryClient = useQueryClient();
  const alsoKey = alsoAccounts.join('\n');
  useEffect(() => {
    if (watchedAccount === null) return;
    const accountId = watchedAccount;
    const also = alsoKey === '' ? [] : alsoKey.split('\n');
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    function apply(event: WireEvent) {
      if (event.id) lastEventIds.set(accountId, event.id);
      if (event.accountId !== undefined && event.accountId !== accountId) {
        const other = ConversationSchema.safeParse(event.data);
        if (event.type === 'conversation' && other.success && other.data.id && also.includes(event.accountId))
          upsertRecent(queryClient, event.accountId, other.data);
        return;
      }
      if (event.type === 'message') {
        const message = MessageSchema.safeParse(event.data);
        if (!message.success) return;
        const added = mergeMessages(queryClient, accountId, event.conversationId, [message.data as Message]);
        if (added > 0)
          for (const listener of arrivals.get(arrivalKey(accountId, event.conversationId)) ?? []) listener(added);
        return;
      }
      const parsed = ConversationSchema.safeParse(event.data);
      if (!parsed.success || !parsed.data.id) return;
      const conversation = parsed.data;
      const before = lastMessageAt(queryClient, accountId, conversation.id!);
      upsertConversation(queryClient, accountId, conversation);
      if (conversation.last_message_at && (before === null || conversation.last_message_at > before)) {
        for (const listener of activityListeners) listener(accountId, conversation);
      }
    }

    function reset() {
      void queryClient.invalidateQueries({ queryKey: conversationQueries.all(accountId) });
      for (const other of also)
        void queryClient.invalidateQueries({ queryKey: conversationQueries.recent(other).queryKey });
      if (conversationId)
        void queryClient.invalidateQueries({ queryKey: messageQueries.list(accountId, conversationId).queryKey });
    }

    function opened() {
      failures = 0;
      if (status === 'reconnecting') outbox.reconnected();
      setStatus('open');
    }

    function query(extra: Record<string, string> = {}) {
      const params = new URLSearchParams({ account: accountId, ...extra });
      if (conversationId) params.set('conversation', conversationId);
      for (const other of also) params.append('also', other);
      const last = lastEventIds.get(accountId);
      if (last) params.set('last_event_id', last);
      return params;
    }

    function later(run: () => void, ms: number) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, ms);
    }

    async function poll() {
      if (stopped) return;
      if (globalThis.navigator?.onLine === false) return setStatus('reconnecting');
      try {
        const response = await fetch(`/api/inbox/events?${query({ poll: '1' })}`, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(String(response.status));
        const answer = (await response.json()) as { events: WireEvent[]; lastEventId: string; reset: boolean };
        if (answer.reset) reset();
        for (const event of answer.events) apply(event);
        lastEventIds.set(accountId, answer.lastEventId);
        opened();
      } catch {
        if (stopped) return;
        setStatus('reconnecting');
        await getSession(true).catch(() => null);
      }
      later(() => void poll(), POLL_EVENTS_MS);
    }

    function connect() {
      // Offline, nothing is tried until the `online` event.
      if (globalThis.navigator?.onLine === false) return setStatus('reconnecting');
      if (typeof EventSource === 'undefined') return void poll();
      const stream = new EventSource(`/api/inbox/events?${query()}`);
      source = stream;
      let ready = false;
      later(() => {
        if (ready || stopped) return;
        stream.close();
        source = null;
        void poll();
      }, READY_WITHIN_MS);
      stream.addEventListener('ready', () => {
        ready = true;
        opened();
      });
      for (const type of ['message', 'conversation'] as const) {
        stream.addEventListener(type, (event: MessageEvent<string>) => {
          const parsed = JSON.parse(event.data) as WireEvent;
          apply({ ...parsed, type, id: event.lastEventId || parsed.id });
        });
      }
      stream.addEventListener('reset', reset);
      stream.onerror = () => {
        if (stopped) return;
        setStatus('reconnecting');
        if (stream.readyState !== EventSource.CLOSED) return; // the browser tries again by itself
        source = null;
        const wait = RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]!;
        later(() => {
          // A refused stream may mean the session ended: the session query then shows the sign-in page.
          void getSession(true)
            .catch(() => null)
            .then(() => {
              if (!stopped) connect();
            });
        }, wait);
      };
    }

    // The connection went away: the stream is closed rather than retried in vain. It came back: reconnect at once,
    // without waiting out the backoff, and catch up from the last event seen.
    function wentOffline() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      source?.close();
      source = null;
      setStatus('reconnecting');
    }
    function cameBack() {
      wentOffline();
      failures = 0;
      connect();
    }
    window.addEventListener('offline', wentOffline);
    window.addEventListener('online', cameBack);

    connect();
    return () => {
      stopped = true;
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameBack);
      if (timer !== null) clearTimeout(timer);
      source?.close();
    };
  }, [watchedAccount, conversationId, alsoKey, queryClient]);
}
