import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ArrowDownIcon } from '../../components/ui/icons';
import type { Message } from '../../contract/models';
import { paths } from '../../lib/paths';
import { dayLabel } from '../../lib/format-time';
import { DayJump } from './day-jump';
import { MessageItem } from './message-item';
import type { Thread } from './thread-items';
import { rememberView } from './row-heights';
import { useLandOnMessage } from './use-land-on-message';
import { useThreadVirtualizer } from './use-thread-virtualizer';
import { articleOf, useMessageKeys } from './use-message-keys';

/** Older messages load when the view comes this near the top of what is loaded. */
const LOAD_OLDER_WITHIN = 1_200;

function ListHeader({ hasOlder, loadingOlder }: { hasOlder: boolean; loadingOlder: boolean }) {
  return (
    <div className="absolute inset-x-0 top-0 h-10 px-6 pt-4 text-center text-[13px] text-neutral-500 dark:text-neutral-400">
      {hasOlder ? (loadingOlder ? 'Loading older messages…' : '') : 'This is the start of the conversation.'}
    </div>
  );
}

export interface MessageListHandle {
  /** Brings a loaded message into view (centred, or at the top), and with `focus` puts the focus on it. */
  scrollToMessage: (id: string, align?: 'center' | 'start', focus?: boolean) => boolean;
  scrollToLatest: () => void;
}

export interface MessageListProps {
  accountId: string;
  conversationId: string;
  thread: Thread;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  highlightedId: string | null;
  unreadFromId: string | null;
  initialMessageId: string | null;
  newCount: number;
  onAtBottomChange: (atBottom: boolean) => void;
  onJump: (id: string) => void;
  onCopyLink: (id: string) => void;
  onCopyText: (id: string) => void;
  /** Jump to the first message of a day (the day chip over the messages opens a date field). */
  onJumpToDate: (start: Date) => void;
  /** Messages that hold a match of find in the conversation, marked where the browser cannot highlight the text. */
  findMatchIds?: ReadonlySet<string> | null;
  /** The message of find's current match. */
  findCurrentId?: string | null;
  renderAttachments?: (message: Message) => ReactNode;
}

/** The virtualised thread: opens at the newest message, loads older pages upward, follows new ones at the bottom. */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList(props, ref) {
  const {
    accountId,
    conversationId,
    thread,
    hasOlder,
    loadingOlder,
    onLoadOlder,
    highlightedId,
    initialMessageId,
    newCount,
  } = props;
  const [atBottom, setAtBottom] = useState(true);
  const { items, byId, replies } = thread;
  const scroller = useRef<HTMLDivElement | null>(null);

  const virtualizer = useThreadVirtualizer(`${accountId}/${conversationId}`, items, initialMessageId, scroller);
  const rows = virtualizer.getVirtualItems();

  // Follow new messages when the reader was at the bottom before they came, from a snapshot taken before the new
  // rows render.
  const nearBottom = useRef(true);
  const lastId = items.at(-1)?.id;
  const renderedLastId = useRef(lastId);
  const follow = useRef(false);
  if (lastId !== renderedLastId.current) {
    follow.current = nearBottom.current;
    renderedLastId.current = lastId;
  }
  const stickToBottom = useCallback(() => {
    let frames = 0;
    const stick = () => {
      const element = scroller.current;
      if (!element) return;
      element.scrollTop = element.scrollHeight;
      // Rows are measured over the next frames; keep to the bottom until they are.
      if (++frames < 6) requestAnimationFrame(stick);
    };
    stick();
  }, []);
  useLayoutEffect(() => {
    if (!follow.current) return;
    follow.current = false;
    stickToBottom();
  }, [lastId, stickToBottom]);

  // Whoever is at the very end stays there when the list's box or its rows change size (the replies panel opens,
  // the window narrows, an image loads): the newest message stays in view. A permalink does not start at the end.
  const atEnd = useRef(initialMessageId === null);
  /** Where the view was when it was last seen at the end; a reader who has scrolled up since is not followed. */
  const endTop = useRef(0);
  const keepEnd = useCallback(() => {
    const element = scroller.current;
    // The scroll event of a reader who just scrolled up may not have come yet: their position says so already.
    if (atEnd.current && element && element.scrollTop >= endTop.current - 1) stickToBottom();
  }, [stickToBottom]);
  const totalHeight = virtualizer.getTotalSize();
  useLayoutEffect(keepEnd, [totalHeight, keepEnd]);

  // The day of the message at the top of the view, for the chip floating over the messages.
  const [topDay, setTopDay] = useState<string | null>(null);
  const dayFrame = useRef(0);
  const byIdRef = useRef(byId);
  byIdRef.current = byId;
  const scheduleTopDay = useCallback(() => {
    if (dayFrame.current) return;
    dayFrame.current = requestAnimationFrame(() => {
      dayFrame.current = 0;
      const element = scroller.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top;
      const row = [...element.querySelectorAll('[data-message-id]')].find(
        (r) => r.getBoundingClientRect().bottom > top + 4,
      );
      const at = row ? byIdRef.current.get(row.getAttribute('data-message-id') ?? '')?.created_at : null;
      if (at) setTopDay(dayLabel(at));
    });
  }, []);
  useEffect(
    () => () => {
      cancelAnimationFrame(dayFrame.current);
      dayFrame.current = 0;
    },
    [],
  );
  const firstRow = rows[0]?.index;
  useEffect(scheduleTopDay, [firstRow, scheduleTopDay]);

  const onAtBottomChange = useRef(props.onAtBottomChange);
  onAtBottomChange.current = props.onAtBottomChange;
  const atBottomNow = useRef(true);
  const loadOlder = useRef(() => {});
  loadOlder.current = () => {
    const element = scroller.current;
    if (element && hasOlder && !loadingOlder && element.scrollTop < LOAD_OLDER_WITHIN) onLoadOlder();
  };
  useEffect(() => loadOlder.current(), [firstRow, hasOlder, loadingOlder]);
  useEffect(() => {
    const node = scroller.current;
    if (!node) return;
    const onScroll = () => {
      scheduleTopDay();
      loadOlder.current();
      const distance = node.scrollHeight - node.scrollTop - node.clientHeight;
      nearBottom.current = distance < 120;
      atEnd.current = distance < 8;
      if (atEnd.current) endTop.current = node.scrollTop;
      if (nearBottom.current !== atBottomNow.current) {
        atBottomNow.current = nearBottom.current;
        setAtBottom(nearBottom.current);
        onAtBottomChange.current(nearBottom.current);
      }
    };
    node.addEventListener('scroll', onScroll, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(keepEnd);
    resized?.observe(node);
    return () => {
      rememberView(node.clientWidth, node.clientHeight);
      node.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [keepEnd, scheduleTopDay]);

  const scrollToIndex = useCallback(
    (index: number, align: 'center' | 'start' | 'auto') => virtualizer.scrollToIndex(index, { align }),
    [virtualizer],
  );
  const keys = useMessageKeys(items, scroller, scrollToIndex);
  const landOn = useLandOnMessage(items, scrollToIndex, scroller);

  // The first position, before the first paint: the newest message at the bottom, or a permalink's message.
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (placed.current) return;
    placed.current = true;
    if (!initialMessageId || !landOn(initialMessageId, 'center')) stickToBottom();
  }, [initialMessageId, landOn, stickToBottom]);

  useImperativeHandle(ref, () => ({
    scrollToMessage(id, align = 'center', focus = false) {
      if (!landOn(id, align)) return false;
      if (focus) {
        requestAnimationFrame(() => requestAnimationFrame(() => articleOf(id)?.focus({ preventScroll: true })));
      }
      return true;
    },
    scrollToLatest: stickToBottom,
  }));

  return (
    <div
      className="relative flex min-h-0 flex-1 flex-col"
      data-testid="thread"
      data-conversation-id={conversationId}
      data-loaded={items.length}
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
    >
      {topDay ? <DayJump day={topDay} onJump={props.onJumpToDate} /> : null}
      <div
        ref={scroller}
        role="log"
        aria-label="Messages"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto outline-none [overflow-anchor:none] focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
      >
        <div className="relative" style={{ height: totalHeight }}>
          <ListHeader hasOlder={hasOlder} loadingOlder={loadingOlder} />
          <div style={{ paddingTop: rows[0]?.start ?? 0 }}>
            {rows.map((row) => {
              const item = items[row.index]!;
              return (
                // A row of its own formatting context: its first margin stays inside it, in its measured height.
                <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="flow-root">
                  <MessageItem
                    item={item}
                    parent={item.message.parent_message_id ? byId.get(item.message.parent_message_id) : undefined}
                    replyCount={replies.get(item.id)?.length ?? 0}
                    highlighted={item.id === highlightedId}
                    found={
                      item.id === props.findCurrentId ? 'current' : props.findMatchIds?.has(item.id) ? 'match' : null
                    }
                    startsUnread={item.id === props.unreadFromId}
                    repliesHref={paths.replies(accountId, conversationId, item.id)}
                    onJump={props.onJump}
                    onCopyLink={props.onCopyLink}
                    onCopyText={props.onCopyText}
                    renderAttachments={props.renderAttachments}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {!atBottom ? (
        // Below the messages, not over them: the list's view ends above it, so no line is ever hidden under it.
        <div className="flex shrink-0 justify-center py-1.5">
          <button
            type="button"
            onClick={stickToBottom}
            className="flex items-center gap-1.5 rounded-full bg-accent-600 px-3 py-1.5 text-[13px] font-medium text-white shadow-md hover:bg-accent-700"
          >
            <ArrowDownIcon size={14} />
            {newCount > 0 ? `${newCount} new ${newCount === 1 ? 'message' : 'messages'}` : 'Jump to latest'}
          </button>
        </div>
      ) : null}
    </div>
  );
});
