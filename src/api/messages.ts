import { type InfiniteData, infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { paginated, type Paginated, result } from '../contract/envelopes';
import { type Message, MessageSchema } from '../contract/models';
import { request } from './client';
import { ApiError } from './errors';

const MessagePage = paginated(MessageSchema);
const MessageResult = result(MessageSchema);

/** StackOne's largest page: a cursor keeps its page size, so the thread's pages are all this big. */
export const MESSAGE_PAGE_SIZE = 100;
/** A walk's progress is told at most this often (and at its start and end): each telling renders the view again. */
const PROGRESS_EVERY_MS = 100;
/** A found message has at least this many older ones loaded above it, so no page loads in just after landing. */
const ROOM_ABOVE = 50;
export type MessagePages = InfiniteData<Paginated<Message>, string | null>;

const conversationPath = (conversationId: string) =>
  `/unified/messaging/conversations/${encodeURIComponent(conversationId)}/messages`;

const fetchPage = (accountId: string, conversationId: string, next: string | null, signal?: AbortSignal) =>
  request(conversationPath(conversationId), MessagePage, {
    accountId,
    signal,
    query: { page_size: MESSAGE_PAGE_SIZE, next },
  });

export const messageQueries = {
  all: (accountId: string) => ['messages', accountId] as const,
  /** A conversation's messages, newest page first; each page is newest first too. */
  list: (accountId: string, conversationId: string) =>
    infiniteQueryOptions({
      queryKey: [...messageQueries.all(accountId), 'list', conversationId],
      queryFn: ({ pageParam, signal }) => fetchPage(accountId, conversationId, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => (page.next?.trim() ? page.next : undefined),
      // New messages arrive by polling; a refetch of many loaded pages would be wasted work.
      staleTime: Infinity,
    }),
  detail: (accountId: string, messageId: string) =>
    queryOptions({
      queryKey: [...messageQueries.all(accountId), 'detail', messageId],
      queryFn: ({ signal }) =>
        request(`/unified/messaging/messages/${encodeURIComponent(messageId)}`, MessageResult, {
          accountId,
          signal,
        }).then((answer) => answer.data ?? null),
      staleTime: 5 * 60_000,
    }),
};

export interface SeekProgress {
  /** Messages loaded so far, newest first. */
  loaded: number;
  /** How far back toward the message's time the loaded pages reach, 0–1; null when a time is missing. */
  fraction: number | null;
}

/** Whether the loaded pages hold the message with enough older ones above it (or all there are) to land on it. */
export function readyToLand(data: MessagePages | undefined, messageId: string): boolean {
  if (!data) return false;
  const all = data.pages.flatMap((page) => page.data ?? []);
  const index = all.findIndex((message) => message.id === messageId);
  const end = !data.pages.at(-1)?.next?.trim();
  return index >= 0 && (end || all.length - 1 - index >= ROOM_ABOVE);
}

const time = (message: Message | undefined) => (message?.created_at ? Date.parse(message.created_at) : NaN);

export interface Walk {
  /** Every message loaded, newest first. */
  all: Message[];
  /** How many of them were already in the cache when the walk began. */
  before: number;
  /** Whether the conversation's first message was reached. */
  end: boolean;
}

/**
 * Loads a conversation's older pages into its cache until `enough` says so, or they end. StackOne's cursors are opaque
 * and each names only the page after it, so the pages come one after another; they are fetched back to back and put
 * into the cache in one update when the walk ends, is cancelled or fails (what was loaded stays loaded).
 */
export async function walkBack(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  enough: (all: readonly Message[], before: number) => boolean,
  progressOf: (all: readonly Message[], before: number) => SeekProgress,
  onProgress: (progress: SeekProgress, all: readonly Message[]) => void,
  signal?: AbortSignal,
): Promise<Walk> {
  const options = messageQueries.list(accountId, conversationId);
  const start = await queryClient.ensureInfiniteQueryData(options);
  const pages = [...start.pages];
  const pageParams = [...start.pageParams];
  const all = pages.flatMap((page) => page.data ?? []);
  const before = all.length;
  onProgress(progressOf(all, before), all);
  let told = performance.now();
  let untold = false;
  for (;;) {
    if (enough(all, before)) break;
    const next = pages.at(-1)?.next?.trim() || null;
    if (!next) break;
    const page = await fetchPage(accountId, conversationId, next, signal);
    pages.push(page);
    pageParams.push(next);
    all.push(...(page.data ?? []));
    untold = true;
    if (performance.now() - told >= PROGRESS_EVERY_MS) {
      onProgress(progressOf(all, before), all);
      told = performance.now();
      untold = false;
    }
  }
  if (untold) onProgress(progressOf(all, before), all);
  if (pages.length > start.pages.length) {
    const added = pages.slice(start.pages.length);
    const addedParams = pageParams.slice(start.pages.length);
    // A reload of the pages begun during the walk (a restored cache being refreshed) would answer only the pages it
    // began with and drop the walk's: it is cancelled, and what it would have brought comes by polling.
    await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
    // Added to what is there now, where polling may have merged new messages into the first page meanwhile; if the
    // pages were reloaded meanwhile, the walk's own pages stand (polling brings what is newer than them).
    queryClient.setQueryData<MessagePages>(options.queryKey, (now) =>
      now && now.pages.length === start.pages.length
        ? { pages: [...now.pages, ...added], pageParams: [...now.pageParams, ...addedParams] }
        : { pages, pageParams },
    );
  }
  return { all, before, end: !pages.at(-1)?.next?.trim() };
}

/**
 * Loads every older page of a conversation into its cache (for its files), telling the messages loaded so far,
 * newest first, after each page. Pages loaded before a Cancel or a failure stay in the cache.
 */
export async function walkWholeConversation(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  onPage: (all: readonly Message[]) => void,
  signal?: AbortSignal,
): Promise<Message[]> {
  const { all } = await walkBack(
    queryClient,
    accountId,
    conversationId,
    () => false,
    (loaded) => ({ loaded: loaded.length, fraction: null }),
    (_, loaded) => onPage(loaded),
    signal,
  );
  return all;
}

/** How far back toward an instant the loaded messages (newest first) reach. */
function progressToward(all: readonly Message[], targetAt: number): SeekProgress {
  const newest = time(all[0]);
  const fraction = (newest - time(all.at(-1))) / (newest - targetAt);
  return { loaded: all.length, fraction: Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : null };
}

/**
 * Loads older pages until they hold the message with room above it, or are a page past its time (it is not in this
 * conversation), or end. Answers whether the message is there.
 */
export async function seekMessage(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  messageId: string,
  onProgress: (progress: SeekProgress) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  // The message's own time bounds the walk and measures its progress; the walk does not wait for it.
  let targetAt = NaN;
  let gone: unknown = null;
  void queryClient.fetchQuery(messageQueries.detail(accountId, messageId)).then(
    (message) => (targetAt = time(message ?? undefined)),
    (error: unknown) => (gone = error instanceof ApiError && error.status === 404 ? error : null),
  );
  let pagesPastTime = 0;
  const { all } = await walkBack(
    queryClient,
    accountId,
    conversationId,
    (loaded) => {
      if (gone) throw gone;
      const index = loaded.findIndex((message) => message.id === messageId);
      if (index >= 0) return loaded.length - 1 - index >= ROOM_ABOVE;
      return time(loaded.at(-1)) < targetAt && ++pagesPastTime > 1;
    },
    (loaded) => progressToward(loaded, targetAt),
    onProgress,
    signal,
  );
  return all.some((message) => message.id === messageId);
}

/**
 * Loads older pages until they reach back past an instant (with room above its first message), or end. Answers the
 * first message at or after it, oldest first: where a jump to that day lands (null when nothing is that recent).
 */
export async function seekTime(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  at: Date,
  onProgress: (progress: SeekProgress) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const targetAt = at.getTime();
  const { all } = await walkBack(
    queryClient,
    accountId,
    conversationId,
    (loaded) => loaded.filter((message) => time(message) < targetAt).length >= ROOM_ABOVE,
    (loaded) => progressToward(loaded, targetAt),
    onProgress,
    signal,
  );
  let first: Message | undefined;
  for (const message of all) if (time(message) >= targetAt) first = message;
  return first?.id ?? null;
}

/** Messages of a conversation updated after an instant, oldest first (for polling). */
export async function fetchMessagesSince(
  accountId: string,
  conversationId: string,
  since: string,
  signal?: AbortSignal,
): Promise<Message[]> {
  const found: Message[] = [];
  let next: string | null = null;
  do {
    const page: Paginated<Message> = await request(conversationPath(conversationId), MessagePage, {
      accountId,
      signal,
      query: { page_size: 100, 'filter[updated_after]': since, next },
    });
    found.push(...(page.data ?? []));
    next = page.next?.trim() ? page.next : null;
  } while (next && found.length < 1_000);
  return found.reverse();
}

/** Puts new or updated messages into a conversation's cached pages; returns how many were new. */
export function mergeMessages(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  incoming: Message[],
): number {
  let added = 0;
  queryClient.setQueryData<MessagePages>(messageQueries.list(accountId, conversationId).queryKey, (data) => {
    if (!data || data.pages.length === 0) return data;
    const byId = new Map(incoming.map((message) => [message.id, message]));
    const pages = data.pages.map((page) => ({
      ...page,
      data: (page.data ?? []).map((message) => {
        const update = byId.get(message.id);
        if (!update) return message;
        byId.delete(message.id);
        return update;
      }),
    }));
    const fresh = [...byId.values()].sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
    added = fresh.length;
    if (fresh.length > 0) pages[0] = { ...pages[0]!, data: [...fresh, ...(pages[0]!.data ?? [])] };
    return { ...data, pages };
  });
  return added;
}
