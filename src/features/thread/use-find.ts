import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import type { SeekProgress } from '../../api/messages';
import { searchOlderMessages } from '../../api/message-search';
import type { Message } from '../../contract/models';
import type { MessageListHandle } from './message-list';
import { countIn, type FindMatch, findMatches, findNeedle, matchKey } from './find-matches';
import type { Thread } from './thread-items';

/** "Search older messages" loads at most this many more messages a time; the person can ask for as many more. */
export const OLDER_SEARCH_LIMIT = 1_000;

export type OlderSearchState =
  | { state: 'searching'; progress: SeekProgress }
  | { state: 'capped'; searched: number }
  | { state: 'failed'; message: string };

/**
 * Find in the conversation: the occurrences of a search in the loaded messages (newest first), the current one, moving
 * through them, and a search of older pages that loads them until a match turns up, a cap, or the first message.
 */
export function useFind(
  accountId: string,
  conversationId: string,
  thread: Thread,
  list: RefObject<MessageListHandle | null>,
  root: RefObject<HTMLElement | null>,
) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const needle = findNeedle(query);
  const matches = useMemo(() => (open ? findMatches(thread.items, needle) : []), [open, thread.items, needle]);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [reveal, setReveal] = useState(0);
  const [older, setOlder] = useState<OlderSearchState | null>(null);
  const controller = useRef<AbortController | null>(null);
  const needleRef = useRef(needle);
  needleRef.current = needle;

  const found = currentKey === null ? -1 : matches.findIndex((match) => matchKey(match) === currentKey);
  const index = matches.length === 0 ? -1 : Math.max(0, found);
  const currentMatch = index >= 0 ? matches[index]! : null;
  const currentId = currentMatch?.messageId ?? null;
  const currentOccurrence = currentMatch?.occurrence ?? 0;
  const current = useMemo<FindMatch | null>(
    () => (currentId ? { messageId: currentId, occurrence: currentOccurrence } : null),
    [currentId, currentOccurrence],
  );
  const matchedIds = useMemo(() => new Set(matches.map((match) => match.messageId)), [matches]);

  const show = useCallback(
    (match: FindMatch | undefined) => {
      if (!match) return;
      setCurrentKey(matchKey(match));
      setReveal((n) => n + 1);
      const scroller = root.current?.querySelector('[role="log"]');
      const row = root.current?.querySelector(`[data-message-id="${CSS.escape(match.messageId)}"] > article`);
      if (scroller && row) {
        const box = scroller.getBoundingClientRect();
        const rect = row.getBoundingClientRect();
        if (rect.bottom > box.top && rect.top < box.bottom) return;
      }
      list.current?.scrollToMessage(match.messageId, 'center');
    },
    [list, root],
  );

  // A new search starts at its newest match.
  useEffect(() => {
    setCurrentKey(null);
    setOlder((state) => (state?.state === 'searching' ? state : null));
    if (needle) setReveal((n) => n + 1);
  }, [needle]);
  // Only when a search starts, not as matches arrive: the match and `show` are read as they are then.
  const startMatch = useRef({ currentMatch, show });
  startMatch.current = { currentMatch, show };
  const anyMatch = matches.length > 0;
  useEffect(() => {
    const { currentMatch: first, show: showFirst } = startMatch.current;
    if (currentKey === null && first) showFirst(first);
  }, [currentKey, needle, anyMatch]);

  const step = useCallback(
    (by: 1 | -1) => {
      if (matches.length === 0) return;
      show(matches[(index + by + matches.length) % matches.length]);
    },
    [matches, index, show],
  );

  const cancelOlder = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setOlder(null);
  }, []);
  useEffect(() => cancelOlder, [cancelOlder]);

  const searchOlder = useCallback(() => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const before = matches.length;
    let hit = false;
    setOlder({ state: 'searching', progress: { loaded: thread.items.length, fraction: 0 } });
    searchOlderMessages(
      queryClient,
      accountId,
      conversationId,
      OLDER_SEARCH_LIMIT,
      (added: readonly Message[]) => (hit = added.some((message) => countIn(message, needleRef.current) > 0)),
      (progress) => {
        if (!mine.signal.aborted) setOlder({ state: 'searching', progress });
      },
      mine.signal,
    ).then(
      (result) => {
        if (mine.signal.aborted) return;
        controller.current = null;
        setOlder(hit || result.end ? null : { state: 'capped', searched: result.added });
        setLandAfter(before);
      },
      (error: unknown) => {
        if (!mine.signal.aborted) setOlder({ state: 'failed', message: errorMessage(error) });
      },
    );
  }, [queryClient, accountId, conversationId, matches.length, thread.items.length]);

  // Once older pages have rendered: the newest of the matches they brought is the current one.
  const [landAfter, setLandAfter] = useState<number | null>(null);
  useEffect(() => {
    if (landAfter === null) return;
    // A frame later, as the jump to a date does: the list has taken in the pages by then.
    const frame = requestAnimationFrame(() => {
      setLandAfter(null);
      if (matches.length > landAfter) show(matches[landAfter]);
    });
    return () => cancelAnimationFrame(frame);
  }, [landAfter, matches, show]);

  const close = useCallback(() => {
    cancelOlder();
    setOpen(false);
  }, [cancelOlder]);

  return {
    open,
    setOpen,
    query,
    setQuery,
    needle,
    matches,
    index,
    current,
    matchedIds,
    reveal,
    step,
    older,
    searchOlder,
    cancelOlder,
    close,
  };
}
