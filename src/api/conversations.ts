import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { paginated, result } from '../contract/envelopes';
import { ConversationSchema } from '../contract/models';
import { request } from './client';

const ConversationPage = paginated(ConversationSchema);
const ConversationResult = result(ConversationSchema);

export const CONVERSATION_PAGE_SIZE = 50;

export const conversationQueries = {
  all: (accountId: string) => ['conversations', accountId] as const,
  list: (accountId: string) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.all(accountId), 'list'],
      queryFn: ({ pageParam, signal }) =>
        request('/unified/messaging/conversations', ConversationPage, {
          accountId,
          signal,
          query: { page_size: CONVERSATION_PAGE_SIZE, next: pageParam },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => (page.next?.trim() ? page.next : undefined),
      staleTime: 30_000,
    }),
  detail: (accountId: string, conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(accountId), 'detail', conversationId],
      queryFn: ({ signal }) =>
        request(`/unified/messaging/conversations/${encodeURIComponent(conversationId)}`, ConversationResult, {
          accountId,
          signal,
        }).then((answer) => answer.data ?? null),
      staleTime: 60_000,
    }),
};
