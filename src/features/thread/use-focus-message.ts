import { type UseInfiniteQueryResult, type InfiniteData, useQuery } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { messageQueries } from '../../api/messages';
import type { Paginated } from '../../contract/envelopes';
import type { Message } from '../../contract/models';
import { paths } from '../../lib/paths';
import type { MessageListHandle } from './message-list';
import type { Thread } from './thread-items';

/** How far back a permalink looks for its message before giving up (pages of 50). */
const MAX_PAGES = 200;
/** How long the message a permalink or a quote led to stays highlighted once it is on screen. */
export const HIGHLIGHT_MS = 5_000;

interface Options {
  accountId: string;
  conversationId: string;
  focusMessageId: string | null;
  messages: UseInfiniteQueryResult<InfiniteData<Paginated<Message>, unknown>>;
  thread: Thread;
  list: RefObject<MessageListHandle | null>;
}

/**
 * A permalink opens its conversation at the message: older pages load until it is there, then it is
 * highlighted for a few seconds. Jumping to a message that is not loaded goes through its permalink.
 */
export function useFocusMessage({ accountId, conversationId, focusMessageId, messages, thread, list }: Options) {
  const navigate = useNavigate();
  const [highlightedId, setHighlightedId] = useState<string | null>(focusMessageId);
  const target = useQuery({ ...messageQueries.detail(accountId, focusMessageId ?? ''), enabled: !!focusMessageId });
  const found = !!focusMessageId && thread.byId.has(focusMessageId);
  const missing = !!focusMessageId && target.error instanceof ApiError && target.error.status === 404;
  const pageCount = messages.data?.pages.length ?? 0;
  const exhausted = !!messages.data && (!messages.hasNextPage || pageCount >= MAX_PAGES);
  const searching = !!focusMessageId && !found && !missing && !exhausted && !messages.isError;

  useEffect(() => {
    if (searching && messages.data && !messages.isFetchingNextPage) void messages.fetchNextPage();
  }, [searching, messages]);

  useEffect(() => {
    if (focusMessageId) setHighlightedId(focusMessageId);
  }, [focusMessageId]);

  useEffect(() => {
    if (found && focusMessageId) list.current?.scrollToMessage(focusMessageId);
  }, [found, focusMessageId, list]);

  // The highlight shows where the reader landed, then fades: it is not a state the message stays in.
  const highlightShown = highlightedId !== null && thread.byId.has(highlightedId);
  useEffect(() => {
    if (!highlightShown) return;
    const timer = setTimeout(() => setHighlightedId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightShown, highlightedId]);

  const jumpTo = useCallback(
    (id: string) => {
      if (thread.byId.has(id) && list.current?.scrollToMessage(id)) setHighlightedId(id);
      else navigate(paths.message(accountId, conversationId, id));
    },
    [thread, list, navigate, accountId, conversationId],
  );

  let notice: string | null = null;
  if (missing) notice = 'That message does not exist or is not in this account.';
  else if (focusMessageId && exhausted && !found && messages.data) notice = 'That message is not in this conversation.';

  return { highlightedId, searching, jumpTo, notice };
}
