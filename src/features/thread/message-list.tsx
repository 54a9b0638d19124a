import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { ArrowDownIcon } from '../../components/ui/icons';
import { paths } from '../../lib/paths';
import { MessageItem } from './message-item';
import type { Thread } from './thread-items';

// Virtuoso keeps the reader's place when older messages are prepended if the first item's index drops by
// exactly as many items; indexes are counted down from here.
const START_INDEX = 1_000_000_000;

export interface MessageListHandle {
  scrollToMessage: (id: string) => boolean;
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
  initialMessageId: string | null;
  newCount: number;
  onAtBottomChange: (atBottom: boolean) => void;
  onJump: (id: string) => void;
  onCopyLink: (id: string) => void;
}

/** The virtualised thread: opens at the newest message, loads older pages upward, follows new ones at the bottom. */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList(props, ref) {
  const { accountId, conversationId, thread, hasOlder, loadingOlder, onLoadOlder, highlightedId, initialMessageId, newCount } = props;
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const { items, byId, replies } = thread;

  // The newest message when the thread first rendered anchors the index space.
  const anchor = useRef<string | null>(null);
  if (anchor.current === null && items.length > 0) anchor.current = items[items.length - 1]!.id;
  const anchorIndex = Math.max(0, items.findIndex((item) => item.id === anchor.current));
  const firstItemIndex = START_INDEX - anchorIndex;

  // Only the first render's position matters.
  const [initialIndex] = useState(() => {
    const index = initialMessageId ? items.findIndex((item) => item.id === initialMessageId) : -1;
    return index >= 0 ? { index, align: 'center' as const } : Math.max(0, items.length - 1);
  });

  useImperativeHandle(ref, () => ({
    scrollToMessage(id) {
      const index = items.findIndex((item) => item.id === id);
      if (index < 0) return false;
      virtuoso.current?.scrollToIndex({ index, align: 'center', behavior: 'auto' });
      return true;
    },
    scrollToLatest() {
      virtuoso.current?.scrollToIndex({ index: items.length - 1, align: 'end', behavior: 'auto' });
    },
  }));

  const onAtBottomChange = useRef(props.onAtBottomChange);
  onAtBottomChange.current = props.onAtBottomChange;
  const onBottom = useCallback((value: boolean) => {
    setAtBottom(value);
    onAtBottomChange.current(value);
  }, []);

  return (
    <div className="relative min-h-0 flex-1" data-testid="thread" data-loaded={items.length}>
      <Virtuoso
        ref={virtuoso}
        className="h-full"
        role="log"
        aria-label="Messages"
        data={items}
        firstItemIndex={firstItemIndex}
        initialTopMostItemIndex={initialIndex}
        computeItemKey={(_, item) => item.id}
        startReached={() => {
          if (hasOlder && !loadingOlder) onLoadOlder();
        }}
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomStateChange={onBottom}
        atBottomThreshold={120}
        increaseViewportBy={{ top: 800, bottom: 400 }}
        components={{
          Header: () => (
            <div className="px-6 pt-4 pb-2 text-center text-[13px] text-neutral-500 dark:text-neutral-400">
              {hasOlder ? (loadingOlder ? 'Loading older messages…' : ' ') : 'This is the start of the conversation.'}
            </div>
          ),
          Footer: () => <div className="h-3" />,
        }}
        itemContent={(_, item) => (
          <MessageItem
            item={item}
            parent={item.message.parent_message_id ? byId.get(item.message.parent_message_id) : undefined}
            replyCount={replies.get(item.id)?.length ?? 0}
            highlighted={item.id === highlightedId}
            repliesHref={paths.replies(accountId, conversationId, item.id)}
            onJump={props.onJump}
            onCopyLink={props.onCopyLink}
          />
        )}
      />
      {!atBottom ? (
        <button
          type="button"
          onClick={() => virtuoso.current?.scrollToIndex({ index: items.length - 1, align: 'end' })}
          className="absolute bottom-4 left-1/2 flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-accent-600 px-3 py-1.5 text-[13px] font-medium text-white shadow-lg hover:bg-accent-700"
        >
          <ArrowDownIcon size={14} />
          {newCount > 0 ? `${newCount} new ${newCount === 1 ? 'message' : 'messages'}` : 'Jump to latest'}
        </button>
      ) : null}
    </div>
  );
});
