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
import { type Components, Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { ArrowDownIcon } from '../../components/ui/icons';
import type { Message } from '../../contract/models';
import { paths } from '../../lib/paths';
import { dayLabel } from '../../lib/format-time';
import { DayJump } from './day-jump';
import { MessageItem } from './message-item';
import type { Thread, ThreadItem } from './thread-items';
import { useLandOnMessage } from './use-land-on-message';
import { articleOf, useMessageKeys } from './use-message-keys';

// Virtuoso keeps the reader's place when older messages are prepended if the first item's index drops by
// exactly as many items; indexes are counted down from here.
const START_INDEX = 1_000_000_000;

interface ListContext {
  hasOlder: boolean;
  loadingOlder: boolean;
}

// Defined once: components made during render would remount (and be measured again) on every render.
const listComponents: Components<ThreadItem, ListContext> = {
  Header: ({ context }) => (
    <div className="h-10 px-6 pt-4 text-center text-[13px] text-neutral-500 dark:text-neutral-400">
      {context.hasOlder
        ? context.loadingOlder
          ? 'Loading older messages…'
          : ''
        : 'This is the start of the conversation.'}
    </div>
  ),
  Footer: () => <div className="h-3" />,
};

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
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const { items, byId, replies } = thread;

  // The newest message when the thread first rendered anchors the index space.
  const anchor = useRef<string | null>(null);
  if (anchor.current === null && items.length > 0) anchor.current = items[items.length - 1]!.id;
  const anchorIndex = Math.max(
    0,
    items.findIndex((item) => item.id === anchor.current),
  );
  const firstItemIndex = START_INDEX - anchorIndex;

  // Only the first render's position matters.
  const [initialIndex] = useState(() => {
    const index = initialMessageId ? items.findIndex((item) => item.id === initialMessageId) : -1;
    return index >= 0 ? { index, align: 'center' as const } : Math.max(0, items.length - 1);
  });

  // Follow new messages when the reader was at the bottom before they came. The list scrolls itself, from a
  // snapshot taken before the new rows render: Virtuoso's followOutput and at-bottom state both misjudge here.
  const scroller = useRef<HTMLElement | null>(null);
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
  const detachScroller = useRef<(() => void) | null>(null);
  const onScrollerRef = useCallback(
    (element: HTMLElement | Window | null) => {
      detachScroller.current?.();
      detachScroller.current = null;
      const node = element instanceof HTMLElement ? element : null;
      scroller.current = node;
      if (!node) return;
      const onScroll = () => {
        scheduleTopDay();
        const distance = node.scrollHeight - node.scrollTop - node.clientHeight;
        nearBottom.current = distance < 120;
        atEnd.current = distance < 8;
        if (atEnd.current) endTop.current = node.scrollTop;
      };
      node.addEventListener('scroll', onScroll, { passive: true });
      scheduleTopDay();
      const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(keepEnd);
      resized?.observe(node);
      detachScroller.current = () => {
        node.removeEventListener('scroll', onScroll);
        resized?.disconnect();
      };
    },
    [keepEnd, scheduleTopDay],
  );

  const onAtBottomChange = useRef(props.onAtBottomChange);
  onAtBottomChange.current = props.onAtBottomChange;
  const onBottom = useCallback((value: boolean) => {
    setAtBottom(value);
    onAtBottomChange.current(value);
  }, []);

  const keys = useMessageKeys(items, scroller, virtuoso);
  const landOn = useLandOnMessage(items, virtuoso, scroller);

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
      <Virtuoso
        ref={virtuoso}
        // Virtuoso sets `outline: none` on its scroller: the keyboard focus shows as an inset ring instead.
        className="min-h-0 flex-1 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
        role="log"
        aria-label="Messages"
        data={items}
        firstItemIndex={firstItemIndex}
        scrollerRef={onScrollerRef}
        initialTopMostItemIndex={initialIndex}
        computeItemKey={(_, item) => item.id}
        startReached={() => {
          if (hasOlder && !loadingOlder) onLoadOlder();
        }}
        atBottomStateChange={onBottom}
        itemsRendered={scheduleTopDay}
        totalListHeightChanged={keepEnd}
        atBottomThreshold={120}
        increaseViewportBy={{ top: 800, bottom: 400 }}
        context={{ hasOlder, loadingOlder }}
        components={listComponents}
        itemContent={(_, item) => (
          <MessageItem
            item={item}
            parent={item.message.parent_message_id ? byId.get(item.message.parent_message_id) : undefined}
            replyCount={replies.get(item.id)?.length ?? 0}
            highlighted={item.id === highlightedId}
            found={item.id === props.findCurrentId ? 'current' : props.findMatchIds?.has(item.id) ? 'match' : null}
            startsUnread={item.id === props.unreadFromId}
            repliesHref={paths.replies(accountId, conversationId, item.id)}
            onJump={props.onJump}
            onCopyLink={props.onCopyLink}
            onCopyText={props.onCopyText}
            renderAttachments={props.renderAttachments}
          />
        )}
      />
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
