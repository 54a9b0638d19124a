import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '../../contract/models';
import { conversationQueries } from '../../api/conversations';
import { errorMessage } from '../../api/errors';
import { messageQueries } from '../../api/messages';
import { usePeople } from '../../api/users';
import { EmptyState, ErrorState, SkeletonRows, StaleNotice } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { conversationTitle } from '../../lib/conversation-title';
import { lastSeenAt, markSeen } from '../../lib/last-seen';
import { focusComposer } from '../../lib/app-events';
import { paths } from '../../lib/paths';
import { MessageList, type MessageListHandle } from './message-list';
import { PendingMessages } from './pending-messages';
import { ThreadHeader } from './thread-header';
import { buildThread, firstUnreadId } from './thread-items';
import { useMessagePolling } from './use-message-polling';
import { DateJumpStatus } from './date-jump-status';
import { FindingMessage } from './finding-message';
import { useJumpToDate } from './use-jump-to-date';
import { useFocusMessage } from './use-focus-message';
import { FindBar } from './find-bar';
import { useFind } from './use-find';
import { canHighlight, useFindHighlights } from './use-find-highlights';
import { messageText } from '../../lib/message-text';

/** A conversation: header, messages (newest at the bottom), with polling for new ones. */
export interface ThreadViewProps {
  conversationId: string;
  focusMessageId: string | null;
  /** Renders a message's attachments (the app composes the attachments feature in; features never import each other). */
  renderAttachments?: (message: Message) => ReactNode;
  /** The message box under the thread, given the conversation's label ("#general", "Ada Lovelace"). */
  renderComposer?: (label: string, onSent: () => void) => ReactNode;
}

export function ThreadView({ conversationId, focusMessageId, renderAttachments, renderComposer }: ThreadViewProps) {
  const { accountId, selfId } = useAccount();
  const conversation = useQuery(conversationQueries.detail(accountId, conversationId));
  const peopleIds = useMemo(
    () => [...(conversation.data?.participants ?? []), ...(selfId ? [selfId] : [])],
    [conversation.data?.participants, selfId],
  );
  const people = usePeople(accountId, peopleIds);
  const messages = useInfiniteQuery(messageQueries.list(accountId, conversationId));
  const thread = useMemo(() => buildThread(messages.data?.pages ?? []), [messages.data]);
  const list = useRef<MessageListHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [newCount, setNewCount] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  // Where the reader left off, as it was when the conversation opened: the "New messages" line stays put while reading.
  const [leftOff, setLeftOff] = useState(() => ({ conversationId, at: lastSeenAt(accountId, conversationId) }));
  if (leftOff.conversationId !== conversationId)
    setLeftOff({ conversationId, at: lastSeenAt(accountId, conversationId) });
  const unreadFromId = useMemo(
    () => firstUnreadId(thread.items, leftOff.at, selfId),
    [thread.items, leftOff.at, selfId],
  );

  const dateJump = useJumpToDate(accountId, conversationId, list);

  const focus = useFocusMessage({ accountId, conversationId, focusMessageId, messages, thread, list });

  const root = useRef<HTMLElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const find = useFind(accountId, conversationId, thread, list, root);
  useFindHighlights(root, find.open ? find.needle : '', find.current, find.reveal);
  const focusBeforeFind = useRef<HTMLElement | null>(null);
  const { setOpen: setFindOpen, close: closeFindBar } = find;
  // Ctrl/Cmd+F finds in the conversation, whose rows are virtualised out of the browser's own find; the browser's
  // find stays for dialogs and for text fields outside the conversation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (document.querySelector('[role="dialog"]')) return;
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing && !root.current?.contains(target)) return;
      event.preventDefault();
      if (target !== findInput.current) focusBeforeFind.current = document.activeElement as HTMLElement | null;
      setFindOpen(true);
      requestAnimationFrame(() => findInput.current?.select());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setFindOpen]);
  const closeFind = useCallback(() => {
    closeFindBar();
    const back = focusBeforeFind.current;
    if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true });
    else root.current?.querySelector<HTMLElement>('[role="log"]')?.focus({ preventScroll: true });
  }, [closeFindBar]);

  const newest = thread.items.at(-1)?.message;
  const newestAt = newest ? (newest.updated_at ?? newest.created_at ?? null) : null;
  const atBottomRef = useRef(atBottom);
  atBottomRef.current = atBottom;
  useMessagePolling(accountId, conversationId, newestAt, (count) => {
    setAnnouncement(count === 1 ? '1 new message' : `${count} new messages`);
    if (!atBottomRef.current) setNewCount((n) => n + count);
  });

  useEffect(() => {
    if (atBottom) setNewCount(0);
    if (atBottom && newest?.created_at) markSeen(accountId, conversationId, newest.created_at);
  }, [atBottom, newest?.created_at, accountId, conversationId]);
  useEffect(() => {
    if (conversation.data?.last_message_at && atBottom && !focusMessageId)
      markSeen(accountId, conversationId, conversation.data.last_message_at);
  }, [conversation.data?.last_message_at, atBottom, focusMessageId, accountId, conversationId]);

  // Escape in a thread jumps to the latest message (dialogs and panels handle their own Escape first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      if (new URLSearchParams(window.location.search).size > 0) return;
      list.current?.scrollToLatest();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const copyLink = useCallback(
    (id: string) => {
      const url = new URL(paths.message(accountId, conversationId, id), window.location.origin).toString();
      void navigator.clipboard?.writeText(url).then(
        () => setAnnouncement('Link copied'),
        () => setAnnouncement(url),
      );
    },
    [accountId, conversationId],
  );

  const copyText = useCallback(
    (id: string) => {
      const message = thread.byId.get(id);
      const text = message ? messageText(message) : '';
      void navigator.clipboard?.writeText(text).then(
        () => setAnnouncement('Text copied'),
        () => setAnnouncement('Could not copy the text'),
      );
    },
    [thread.byId],
  );

  const selfName = (selfId ? people.byId.get(selfId)?.name : null) ?? 'You';
  const pending = <PendingMessages conversationId={conversationId} selfName={selfName} />;

  const title = conversation.data
    ? conversationTitle(conversation.data, people.byId, selfId)
    : conversation.isError
      ? ''
      : null;

  let body;
  if (focus.searching) {
    body = <FindingMessage progress={focus.progress} />;
  } else if (messages.isPending) {
    body = <SkeletonRows rows={10} label="Loading messages" />;
  } else if (messages.isError && !messages.data) {
    const notFound = conversation.error && 'status' in conversation.error && conversation.error.status === 404;
    body = notFound ? (
      <EmptyState title="Conversation not found">
        It may have been removed, or it belongs to another account.
      </EmptyState>
    ) : (
      <ErrorState
        title="Could not load messages"
        message={errorMessage(messages.error)}
        onRetry={() => void messages.refetch()}
      />
    );
  } else if (thread.items.length === 0) {
    body = <EmptyState title="No messages yet">Be the first to say something.</EmptyState>;
  } else {
    body = (
      <MessageList
        key={conversationId}
        ref={list}
        accountId={accountId}
        conversationId={conversationId}
        thread={thread}
        hasOlder={!!messages.hasNextPage}
        loadingOlder={messages.isFetchingNextPage}
        onLoadOlder={() => void messages.fetchNextPage()}
        highlightedId={focus.highlightedId}
        unreadFromId={unreadFromId}
        initialMessageId={focus.highlightedId}
        newCount={newCount}
        onAtBottomChange={setAtBottom}
        onJump={focus.jumpTo}
        onCopyLink={copyLink}
        onCopyText={copyText}
        onJumpToDate={dateJump.to}
        findMatchIds={find.open && !canHighlight() ? find.matchedIds : null}
        findCurrentId={find.open ? (find.current?.messageId ?? null) : null}
        renderAttachments={renderAttachments}
      />
    );
  }
  const label = conversation.data?.name ? `#${conversation.data.name}` : (title ?? 'this conversation');

  return (
    <section
      ref={root}
      aria-label={title ? `Conversation ${title}` : 'Conversation'}
      className="relative flex min-h-0 min-w-0 flex-1 flex-col"
    >
      {renderComposer && !conversation.isError ? (
        // The first stop in the conversation for the keyboard: past the messages, straight to writing.
        <button
          type="button"
          onClick={focusComposer}
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-1/2 focus:z-30 focus:-translate-x-1/2 focus:rounded-md focus:bg-accent-600 focus:px-3 focus:py-1.5 focus:text-[13px] focus:font-medium focus:text-white"
        >
          Skip to the message box
        </button>
      ) : null}
      <ThreadHeader accountId={accountId} conversation={conversation.data} title={title} />
      {find.open ? (
        <FindBar
          input={findInput}
          query={find.query}
          onQuery={find.setQuery}
          searching={!!find.needle}
          total={find.matches.length}
          index={find.index}
          onStep={find.step}
          onClose={closeFind}
          hasOlder={!!messages.hasNextPage}
          older={find.older}
          onSearchOlder={find.searchOlder}
          onCancelOlder={find.cancelOlder}
        />
      ) : null}
      {messages.isFetchNextPageError ? (
        <StaleNotice
          message={`Could not load older messages: ${errorMessage(messages.error)}`}
          onRetry={() => void messages.fetchNextPage()}
        />
      ) : null}
      {focus.notice && focus.retry ? <StaleNotice message={focus.notice} onRetry={focus.retry} /> : null}
      {focus.notice && !focus.retry ? (
        <p
          role="status"
          className="border-b border-neutral-200 bg-neutral-50 px-3 py-1.5 text-[13px] dark:border-neutral-800 dark:bg-neutral-900"
        >
          {focus.notice}
        </p>
      ) : null}
      <DateJumpStatus jump={dateJump.jump} onCancel={dateJump.cancel} onRetry={dateJump.to} />
      {body}
      <div className="max-h-[40%] shrink-0 overflow-y-auto empty:hidden">{pending}</div>
      {renderComposer && !conversation.isError ? renderComposer(label, () => list.current?.scrollToLatest()) : null}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </section>
  );
}
