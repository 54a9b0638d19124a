import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { CreateResultSchema, paginated, result } from '../contract/envelopes';
import { ConversationSchema } from '../contract/models';
import type { CreateConversationBody } from '../contract/requests';
import { request } from './client';
import { messageQueries } from './messages';

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
  /** The newest conversations alone (the list's first page), for the unread counts of accounts not open. */
  recent: (accountId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(accountId), 'recent'],
      queryFn: ({ signal }) =>
        request('/unified/messaging/conversations', ConversationPage, {
          accountId,
          signal,
          query: { page_size: CONVERSATION_PAGE_SIZE },
        }).then((page) => page.data ?? []),
      // The event stream keeps it up to date while the page is open.
      staleTime: 5 * 60_000,
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

/**
 * Starts loading a conversation (its newest messages and its details) before it opens, for a row that is pressed,
 * hovered or focused: what is cached already is not asked for again.
 */
export function usePrefetchConversation(accountId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (conversationId: string) => {
      void queryClient.prefetchInfiniteQuery(messageQueries.list(accountId, conversationId));
      void queryClient.prefetchQuery(conversationQueries.detail(accountId, conversationId));
    },
    [queryClient, accountId],
  );
}

export interface CreateConversationVariables {
  body: CreateConversationBody;
  /** Made once per attempt by the caller and sent again unchanged when that same attempt is retried. */
  idempotencyKey: string;
}

/**
 * create_conversation. The answer holds only the new id; on success every conversation query of
 * the account is refreshed so the list and details show it. The call site closes and navigates.
 */
export function useCreateConversation(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...conversationQueries.all(accountId), 'create'],
    mutationFn: ({ body, idempotencyKey }: CreateConversationVariables) =>
      request('/unified/messaging/conversations', CreateResultSchema, {
        accountId,
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    // Not awaited: the dialog closes at once, and the list and details refresh behind it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: conversationQueries.all(accountId) }),
  });
}
