import { type InfiniteData, infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { paginated, type Paginated, result } from '../contract/envelopes';
import { type Message, MessageSchema } from '../contract/models';
import { request } from './client';

const MessagePage = paginated(MessageSchema);
const MessageResult = result(MessageSchema);

export const MESSAGE_PAGE_SIZE = 50;
export type MessagePages = InfiniteData<Paginated<Message>, string | null>;

const conversationPath = (conversationId: string) =>
  `/unified/messaging/conversations/${encodeURIComponent(conversationId)}/messages`;

export const messageQueries = {
  all: (accountId: string) => ['messages', accountId] as const,
  /** A conversation's messages, newest page first; each page is newest first too. */
  list: (accountId: string, conversationId: string) =>
    infiniteQueryOptions({
      queryKey: [...messageQueries.all(accountId), 'list', conversationId],
      queryFn: ({ pageParam, signal }) =>
        request(conversationPath(conversationId), MessagePage, {
          accountId,
          signal,
          query: { page_size: MESSAGE_PAGE_SIZE, next: pageParam },
        }),
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
export function mergeMessages(queryClient: QueryClient, accountId: string, conversationId: string, incoming: Message[]): number {
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
