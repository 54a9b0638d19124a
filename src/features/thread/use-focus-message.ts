import { type UseInfiniteQueryResult, type InfiniteData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { type MessagePages, messageQueries, readyToLand, type SeekProgress, seekMessage } from '../../api/messages';
import type { Paginated } from '../../contract/envelopes';
import type { Message } from '../../contract/models';
import { paths } from '../../lib/paths';
import type { MessageListHandle } from './message-list';
import type { Thread } from './thread-items';

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

type Seek = { state: 'walking'; progress: SeekProgress } | { state: 'absent' } | { state: 'failed'; message: string };

/**
 * A permalink opens its conversation at the message: older pages load back to back until it is there (with progress),
 * then it is highlighted for a few seconds. Jumping to a message that is not loaded goes through its permalink.
 */
export function useFocusMessage({ accountId, conversationId, focusMessageId, messages, thread, list }: Options) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [highlightedId, setHighlightedId] = useState<string | null>(focusMessageId);
  const target = useQuery({ ...messageQueries.detail(accountId, focusMessageId ?? ''), enabled: !!focusMessageId });
  const found = !!focusMessageId && thread.byId.has(focusMessageId);
  const missing = !!focusMessageId && target.error instanceof ApiError && target.error.status === 404;
  const [seek, setSeek] = useState<Seek | null>(null);
  const [attempt, setAttempt] = useState(0);
  const ready = !!messages.data;
  // Already loaded with room above it: no walk, and no moment of "Finding the message" either.
  const landed = useMemo(
    () => !!focusMessageId && readyToLand(messages.data as MessagePages | undefined, focusMessageId),
    [messages.data, focusMessageId],
  );

  useEffect(() => {
    setSeek(null);
    if (!focusMessageId || !ready || landed) return;
    const controller = new AbortController();
    setSeek({ state: 'walking', progress: { loaded: 0, fraction: null } });
    seekMessage(
      queryClient,
      accountId,
      conversationId,
      focusMessageId,
      (progress) => {
        if (!controller.signal.aborted) setSeek({ state: 'walking', progress });
      },
      controller.signal,
    ).then(
      (there) => {
        if (!controller.signal.aborted) setSeek(there ? null : { state: 'absent' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A message that does not exist is said by the look-up of the message itself.
        setSeek(
          error instanceof ApiError && error.status === 404 ? null : { state: 'failed', message: errorMessage(error) },
        );
      },
    );
    return () => controller.abort();
  }, [focusMessageId, ready, landed, accountId, conversationId, queryClient, attempt]);

  useEffect(() => {
    if (focusMessageId) setHighlightedId(focusMessageId);
  }, [focusMessageId]);

  const walking = seek?.state === 'walking';
  useEffect(() => {
    if (found && !walking && focusMessageId) list.current?.scrollToMessage(focusMessageId);
  }, [found, walking, focusMessageId, list]);

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
  else if (seek?.state === 'absent' && !found) notice = 'That message is not in this conversation.';
  else if (seek?.state === 'failed') notice = `Could not load the messages before it: ${seek.message}`;

  return {
    highlightedId,
    searching: !!focusMessageId && !missing && (walking || (!found && seek === null && !messages.isError)),
    progress: walking ? seek.progress : null,
    retry: seek?.state === 'failed' ? () => setAttempt((n) => n + 1) : null,
    jumpTo,
    notice,
  };
}
