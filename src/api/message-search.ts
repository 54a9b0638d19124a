import type { QueryClient } from '@tanstack/react-query';
import type { Message } from '../contract/models';
import { type MessagePages, messageQueries, type SeekProgress, walkBack } from './messages';

// Apart from messages.ts, which the first screen loads: only find in a conversation and the quick switcher need these.

export interface OlderSearch {
  /** How many older messages the search loaded. */
  added: number;
  /** Whether it reached the conversation's first message. */
  end: boolean;
}

/**
 * Loads older pages for a search of the conversation's text: until `found` says the messages it loaded (newest first)
 * hold a match, or `limit` more messages are loaded, or the pages end. Progress counts the messages back from the newest,
 * and how far toward the limit the search is.
 */
export async function searchOlderMessages(
  queryClient: QueryClient,
  accountId: string,
  conversationId: string,
  limit: number,
  found: (added: readonly Message[]) => boolean,
  onProgress: (progress: SeekProgress) => void,
  signal?: AbortSignal,
): Promise<OlderSearch> {
  const { all, before, end } = await walkBack(
    queryClient,
    accountId,
    conversationId,
    (loaded, from) => loaded.length - from >= limit || (loaded.length > from && found(loaded.slice(from))),
    (loaded, from) => ({ loaded: loaded.length, fraction: Math.min(1, (loaded.length - from) / limit) }),
    onProgress,
    signal,
  );
  return { added: all.length - before, end };
}

/** The loaded messages of every conversation of an account, as the cache holds them (each conversation newest first). */
export function loadedMessages(
  queryClient: QueryClient,
  accountId: string,
): { conversationId: string; messages: Message[] }[] {
  const prefix = [...messageQueries.all(accountId), 'list'];
  return queryClient.getQueriesData<MessagePages>({ queryKey: prefix }).flatMap(([key, data]) => {
    const conversationId = key[prefix.length];
    if (typeof conversationId !== 'string' || !data) return [];
    return [{ conversationId, messages: data.pages.flatMap((page) => page.data ?? []) }];
  });
}
