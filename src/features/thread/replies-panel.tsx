import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { messageQueries } from '../../api/messages';
import { Avatar } from '../../components/ui/avatar';
import { CloseIcon } from '../../components/ui/icons';
import { EmptyState } from '../../components/ui/states';
import type { Message } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { absoluteTime, clockTime, relativeTime } from '../../lib/format-time';
import { MessageBody } from './message-body';
import { buildThread } from './thread-items';
import { personName } from '../../contract/people';

function PanelMessage({
  message,
  renderAttachments,
}: {
  message: Message;
  renderAttachments?: (message: Message) => ReactNode;
}) {
  return (
    <li className="flex gap-2.5 px-4 py-2">
      <Avatar id={message.author?.id} name={message.author?.name} size={28} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="font-semibold">{personName(message.author)}</span>
          <time
            dateTime={message.created_at ?? undefined}
            title={absoluteTime(message.created_at)}
            className="text-[12px] text-neutral-500 tabular-nums"
          >
            {relativeTime(message.created_at)} · {clockTime(message.created_at)}
          </time>
        </div>
        <MessageBody content={message.content} />
        {renderAttachments && message.attachments?.length ? renderAttachments(message) : null}
      </div>
    </li>
  );
}

/** A message and its replies (among the messages loaded in the conversation), beside the thread. */
export function RepliesPanel({
  conversationId,
  messageId,
  onClose,
  renderAttachments,
}: {
  conversationId: string;
  messageId: string;
  onClose: () => void;
  /** The attachments of a message, as the thread shows them. */
  renderAttachments?: (message: Message) => ReactNode;
}) {
  const { accountId } = useAccount();
  const messages = useInfiniteQuery(messageQueries.list(accountId, conversationId));
  const thread = useMemo(() => buildThread(messages.data?.pages ?? []), [messages.data]);
  const parent = thread.byId.get(messageId);
  const replies = thread.replies.get(messageId) ?? [];
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => closeButton.current?.focus(), [messageId]);

  return (
    <aside
      aria-label="Replies"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      className="absolute inset-0 z-20 flex flex-col border-l border-neutral-200 bg-white md:static md:w-96 md:shrink-0 dark:border-neutral-800 dark:bg-neutral-950"
    >
      <header className="flex h-12 shrink-0 items-center justify-between border-b border-neutral-200 px-4 dark:border-neutral-800">
        <h2 className="font-semibold">Replies</h2>
        <button
          ref={closeButton}
          type="button"
          onClick={onClose}
          aria-label="Close replies"
          className="rounded-md p-1 text-neutral-500 hover:bg-neutral-100 dark:hover:bg-neutral-800"
        >
          <CloseIcon size={16} />
        </button>
      </header>
      {!parent ? (
        <EmptyState title="Message not loaded">Scroll the conversation to it, then open its replies again.</EmptyState>
      ) : (
        <ol className="min-h-0 flex-1 overflow-y-auto py-2">
          <PanelMessage message={parent} renderAttachments={renderAttachments} />
          <li className="flex items-center gap-2 px-4 py-1 text-[12px] text-neutral-500">
            <span>{replies.length === 1 ? '1 reply' : `${replies.length} replies`}</span>
            <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
          </li>
          {replies.map((reply) => (
            <PanelMessage key={reply.id} message={reply} renderAttachments={renderAttachments} />
          ))}
          {replies.length === 0 ? (
            <li className="px-4 py-2 text-[13px] text-neutral-500">No replies among the loaded messages.</li>
          ) : null}
        </ol>
      )}
    </aside>
  );
}
