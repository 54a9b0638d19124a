import { memo, useRef } from 'react';
import { usePrefetchConversation } from '../../api/conversations';
import { Link } from 'react-router';
import { Avatar } from '../../components/ui/avatar';
import { ComposeIcon, LockIcon } from '../../components/ui/icons';
import { Skeleton } from '../../components/ui/states';
import { cn } from '../../lib/cn';
import { useDrafts } from '../../lib/drafts';
import { absoluteTime, relativeTime } from '../../lib/format-time';
import { paths } from '../../lib/paths';
import { type ConversationRow, rowSubtitle } from './conversation-rows';

/** How long a pointer rests on a row (or the focus stays on it) before its conversation starts loading. */
const INTENT_MS = 80;

/** Rows have a fixed height in px so the virtual list never measures them (and ignores root font size). */
export const ROW_HEIGHT = 56;

interface RowProps {
  accountId: string;
  row: ConversationRow;
  index: number;
  selected: boolean;
  /** The one row of the list that Tab reaches (roving focus). */
  tabbable: boolean;
  now: number;
}

export const ConversationRowLink = memo(function ConversationRowLink({
  accountId,
  row,
  index,
  selected,
  tabbable,
  now,
}: RowProps) {
  const hasDraft = Boolean(useDrafts(accountId)[row.id]);
  const prefetch = usePrefetchConversation(accountId);
  const intent = useRef(0);
  const soon = () => {
    window.clearTimeout(intent.current);
    intent.current = window.setTimeout(() => prefetch(row.id), INTENT_MS);
  };
  const never = () => window.clearTimeout(intent.current);
  return (
    <Link
      to={paths.conversation(accountId, row.id)}
      // The conversation starts loading when the row is pressed (or rested on), not when the click ends.
      onPointerDown={() => prefetch(row.id)}
      onPointerEnter={soon}
      onPointerLeave={never}
      onFocus={soon}
      onBlur={never}
      aria-current={selected ? 'page' : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-row-index={index}
      style={{ height: ROW_HEIGHT - 4 }}
      className={cn(
        'mx-2 my-0.5 flex items-center gap-2.5 rounded-md px-2 focus-visible:outline-offset-[-2px]',
        selected
          ? 'bg-accent-100 dark:bg-accent-900/60'
          : 'hover:bg-neutral-100 active:bg-neutral-200/70 dark:hover:bg-neutral-800/70 dark:active:bg-neutral-800',
      )}
    >
      <Avatar id={row.avatarId} name={row.avatarName} size={32} />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="flex min-w-0 items-center gap-1.5">
          <span
            className={cn(
              'truncate text-[14px] leading-5',
              row.unread ? 'font-semibold text-neutral-950 dark:text-white' : 'text-neutral-800 dark:text-neutral-200',
              selected && 'text-accent-900 dark:text-white',
            )}
          >
            {row.titlePending ? (
              <>
                <Skeleton className="inline-block h-3 w-28 align-middle" />
                <span className="sr-only">Loading name</span>
              </>
            ) : (
              row.title
            )}
          </span>
          {row.kind === 'private' ? (
            <span
              role="img"
              aria-label="Private"
              title="Private channel"
              className="shrink-0 text-neutral-500 dark:text-neutral-400"
            >
              <LockIcon size={12} />
            </span>
          ) : null}
          <time
            dateTime={row.lastMessageAt ?? undefined}
            // The full date and time as a tooltip, written when the pointer comes: the first date format the page
            // makes costs tens of milliseconds (locale data), which the list's first paint should not wait for.
            onPointerEnter={(event) => {
              event.currentTarget.title = absoluteTime(row.lastMessageAt);
            }}
            className={cn(
              'ml-auto shrink-0 pl-2 text-[13px] leading-5 tabular-nums',
              row.unread
                ? 'font-medium text-accent-700 dark:text-accent-300'
                : selected
                  ? 'text-neutral-700 dark:text-neutral-300'
                  : 'text-neutral-500 dark:text-neutral-400',
            )}
          >
            {relativeTime(row.lastMessageAt, now)}
          </time>
        </span>
        <span className="flex min-w-0 items-center gap-2">
          <span
            className={cn(
              'truncate text-[13px] leading-5',
              selected ? 'text-neutral-700 dark:text-neutral-300' : 'text-neutral-500 dark:text-neutral-400',
            )}
          >
            {rowSubtitle(row)}
          </span>
          {hasDraft ? (
            <span
              title="Draft"
              className="ml-auto flex shrink-0 items-center gap-0.5 text-[12px] font-medium text-amber-700 dark:text-amber-400"
            >
              <ComposeIcon size={12} />
              Draft
            </span>
          ) : null}
          {row.unread ? (
            <span
              className={cn('h-2 w-2 shrink-0 rounded-full bg-accent-600 dark:bg-accent-400', !hasDraft && 'ml-auto')}
            >
              <span className="sr-only">Unread</span>
            </span>
          ) : null}
        </span>
      </span>
    </Link>
  );
});
