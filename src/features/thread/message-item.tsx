import { memo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Message } from '../../contract/models';
import { Avatar } from '../../components/ui/avatar';
import { CopyIcon, LinkIcon, ReplyIcon } from '../../components/ui/icons';
import { cn } from '../../lib/cn';
import { absoluteTime, clockTime, dayLabel } from '../../lib/format-time';
import { MessageBody } from './message-body';
import { ReplyQuote } from './reply-quote';
import type { ThreadItem } from './thread-items';
import { personName } from '../../contract/people';

/** One action of a message's hover toolbar. */
const TOOL = 'rounded p-1 text-neutral-600 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800';

function ToolButton({
  label,
  title,
  onClick,
  children,
}: {
  label: string;
  title: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" onClick={onClick} aria-label={label} title={title} className={TOOL}>
      {children}
    </button>
  );
}

export interface MessageItemProps {
  item: ThreadItem;
  parent: Message | undefined;
  replyCount: number;
  highlighted: boolean;
  /** Find in the conversation: this message holds its current match, or another match. */
  found?: 'current' | 'match' | null;
  /** The first message that is new since the reader was last here: a "New messages" line goes above it. */
  startsUnread: boolean;
  repliesHref: string;
  onJump: (id: string) => void;
  onCopyLink: (id: string) => void;
  onCopyText: (id: string) => void;
  /** What to show under the text of a message with attachments (the app passes the attachments feature in). */
  renderAttachments?: (message: Message) => ReactNode;
}

/** One message row: its day separator and author header when they start here, the text, and its actions. */
export const MessageItem = memo(function MessageItem({
  item,
  parent,
  replyCount,
  highlighted,
  found = null,
  startsUnread,
  repliesHref,
  onJump,
  onCopyLink,
  onCopyText,
  renderAttachments,
}: MessageItemProps) {
  const { message } = item;
  const author = message.author;
  return (
    <div data-message-id={item.id} data-found={found ?? undefined} className="px-4">
      {item.startsDay && message.created_at ? (
        <div role="separator" aria-label={dayLabel(message.created_at)} className="flex items-center gap-3 pt-4 pb-1">
          <div className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
          <span className="rounded-full border border-neutral-200 px-2.5 py-0.5 text-[12px] font-medium text-neutral-600 dark:border-neutral-700 dark:text-neutral-300">
            {dayLabel(message.created_at)}
          </span>
          <div className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
        </div>
      ) : null}
      {startsUnread ? (
        <div
          role="separator"
          aria-label="New messages"
          className="flex items-center gap-2 pt-2 pb-1"
          data-testid="new-messages"
        >
          <div className="h-px flex-1 bg-red-500/70" />
          <span className="text-[12px] font-semibold text-red-700 dark:text-red-400">New</span>
        </div>
      ) : null}
      <article
        // Focusable by ↑/↓ in the thread (not a Tab stop of its own).
        tabIndex={-1}
        aria-label={`${personName(author)} at ${clockTime(message.created_at)}`}
        className={cn(
          'group relative flex gap-3 rounded-md px-2 py-0.5 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 transition duration-700 hover:bg-neutral-50 focus-within:bg-neutral-50 dark:hover:bg-neutral-900 dark:focus-within:bg-neutral-900',
          item.startsGroup && 'mt-2',
          found === 'match' && 'bg-amber-50/70 dark:bg-amber-950/30',
          found === 'current' && 'bg-accent-50 ring-2 ring-accent-400 dark:bg-accent-900/30 dark:ring-accent-400',
          highlighted && 'bg-amber-50 ring-2 ring-amber-300 hover:bg-amber-50 dark:bg-amber-950/40 dark:ring-amber-700',
        )}
      >
        <div className="relative w-9 shrink-0 pt-0.5">
          {item.startsGroup ? (
            <Avatar id={author?.id} name={author?.name} size={36} />
          ) : (
            // On one line, out of the flow: a follow-on message is as tall as its text, however long the time is.
            <time
              dateTime={message.created_at ?? undefined}
              title={absoluteTime(message.created_at)}
              className="invisible absolute top-1 right-0 text-[11px] leading-4 whitespace-nowrap text-neutral-500 tabular-nums group-hover:visible group-focus-within:visible dark:text-neutral-400"
            >
              {clockTime(message.created_at)}
            </time>
          )}
        </div>
        <div className="min-w-0 flex-1">
          {item.startsGroup ? (
            <div className="flex items-baseline gap-2">
              <span className="font-semibold">{personName(author)}</span>
              <time
                dateTime={message.created_at ?? undefined}
                title={absoluteTime(message.created_at)}
                className="text-[12px] text-neutral-500 tabular-nums dark:text-neutral-400"
              >
                {clockTime(message.created_at)}
              </time>
            </div>
          ) : null}
          {message.parent_message_id ? (
            <ReplyQuote parentId={message.parent_message_id} loaded={parent} onJump={onJump} />
          ) : null}
          <MessageBody content={message.content} />
          {renderAttachments && message.attachments?.length ? renderAttachments(message) : null}
          {replyCount > 0 ? (
            <Link
              to={repliesHref}
              className="mt-0.5 inline-flex items-center gap-1 text-[13px] font-medium text-accent-700 hover:underline dark:text-accent-300"
            >
              <ReplyIcon size={13} />
              {replyCount === 1 ? '1 reply' : `${replyCount} replies`}
            </Link>
          ) : null}
        </div>
        <div className="absolute -top-3 right-2 hidden gap-0.5 rounded-md border border-neutral-200 bg-white p-0.5 shadow-sm group-focus-within:flex group-hover:flex dark:border-neutral-700 dark:bg-neutral-900">
          {message.content?.plain || message.content?.html ? (
            <ToolButton label="Copy text of message" title="Copy text" onClick={() => onCopyText(item.id)}>
              <CopyIcon size={14} />
            </ToolButton>
          ) : null}
          <ToolButton label="Copy link to message" title="Copy link" onClick={() => onCopyLink(item.id)}>
            <LinkIcon size={14} />
          </ToolButton>
          {/* Only where there are replies: StackOne cannot send a reply into a thread, so there is nothing to open. */}
          {replyCount > 0 ? (
            <Link to={repliesHref} aria-label="View replies" title="View replies" className={TOOL}>
              <ReplyIcon size={14} />
            </Link>
          ) : null}
        </div>
      </article>
    </div>
  );
});
