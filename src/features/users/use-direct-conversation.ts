import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { conversationQueries } from '../../api/conversations';
import type { Conversation } from '../../contract/models';

/** Whether a conversation is the unnamed one between exactly these people. */
export function isDirectWith(conversation: Conversation, people: readonly string[]): boolean {
  if (conversation.name) return false;
  const wanted = new Set(people);
  const members = new Set(conversation.participants ?? []);
  return members.size === wanted.size && [...wanted].every((id) => members.has(id));
}

/**
 * The direct conversation between the account's own user and someone, among the conversations loaded so far
 * ("Message" opens it when it is there, and compose with that person otherwise).
 */
export function useDirectConversation(accountId: string, selfId: string | null, userId: string) {
  const conversations = useInfiniteQuery(conversationQueries.list(accountId));
  const conversation = useMemo(() => {
    if (!selfId) return null;
    const all = conversations.data?.pages.flatMap((page) => page.data ?? []) ?? [];
    return all.find((c) => isDirectWith(c, [selfId, userId])) ?? null;
  }, [conversations.data, selfId, userId]);
  return { conversation, pending: conversations.isPending };
}
