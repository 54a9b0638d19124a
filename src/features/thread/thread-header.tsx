import { Link } from 'react-router';
import type { Conversation } from '../../contract/models';
import { BackIcon, FileIcon, HashIcon, InfoIcon, LockIcon } from '../../components/ui/icons';
import { Skeleton } from '../../components/ui/states';
import { paths } from '../../lib/paths';

/** The Files button's id: the focus goes back to it when the Files panel closes. */
export const FILES_BUTTON_ID = 'conversation-files-button';

const headerButton =
  'flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-[13px] font-medium text-neutral-700 hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800';

export function ThreadHeader({
  accountId,
  conversation,
  title,
}: {
  accountId: string;
  conversation: Conversation | null | undefined;
  title: string | null;
}) {
  const count = conversation?.participants?.length ?? 0;
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-neutral-200 px-3 dark:border-neutral-800">
      <Link
        to={paths.account(accountId)}
        className="rounded-md p-1 text-neutral-600 hover:bg-neutral-100 md:hidden dark:text-neutral-300 dark:hover:bg-neutral-800"
        aria-label="Back to conversations"
      >
        <BackIcon size={18} />
      </Link>
      {conversation?.name ? <HashIcon size={16} className="shrink-0 text-neutral-500" /> : null}
      {title === null ? (
        <Skeleton className="h-4 w-40" />
      ) : (
        <h1 className="truncate text-[15px] font-semibold">{title}</h1>
      )}
      {conversation?.private ? (
        <span className="flex shrink-0 items-center text-neutral-500" title="Private">
          <LockIcon size={14} aria-hidden="true" />
          <span className="sr-only">Private</span>
        </span>
      ) : null}
      {count > 0 ? (
        <span className="shrink-0 text-[13px] text-neutral-500 dark:text-neutral-400">
          · {count === 1 ? '1 person' : `${count} people`}
        </span>
      ) : null}
      {conversation?.id ? (
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <Link
            id={FILES_BUTTON_ID}
            to={`${paths.conversation(accountId, conversation.id)}?panel=files`}
            className={headerButton}
          >
            <FileIcon size={15} />
            Files
          </Link>
          <Link to={paths.details(accountId, conversation.id)} className={headerButton}>
            <InfoIcon size={15} />
            Details
          </Link>
        </div>
      ) : null}
    </header>
  );
}
