import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { conversationQueries } from '../../api/conversations';
import { usePeople } from '../../api/users';
import { Button } from '../../components/ui/button';
import { CloseIcon, PlusIcon } from '../../components/ui/icons';
import { openDialog } from '../../lib/app-events';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { DetailsSummary } from './details-summary';
import { ParticipantList } from './participant-list';
import { useEscapeToClose } from './use-escape-to-close';
import { personName } from '../../contract/people';

const NO_IDS: string[] = [];

function DetailsBody({ conversationId }: { conversationId: string }) {
  const { accountId, selfId } = useAccount();
  const details = useQuery(conversationQueries.detail(accountId, conversationId));
  const people = usePeople(accountId, details.data?.participants ?? NO_IDS);

  if (details.isPending) return <SkeletonRows rows={5} label="Loading details" />;
  if (details.isError && !details.data) {
    if (details.error instanceof ApiError && details.error.status === 404) {
      return (
        <EmptyState title="Conversation not found">
          It may have been deleted, or it belongs to another account.
        </EmptyState>
      );
    }
    return (
      <ErrorState
        title="Could not load the details"
        message={errorMessage(details.error)}
        onRetry={() => void details.refetch()}
      />
    );
  }
  const conversation = details.data;
  if (!conversation)
    return (
      <EmptyState title="Conversation not found">
        It may have been deleted, or it belongs to another account.
      </EmptyState>
    );
  const ids = conversation.participants ?? [];
  // A direct or group message (no name) can grow into a new group: StackOne cannot add people to an existing one.
  const others = [...new Set(ids)].filter((id) => id !== selfId);
  const canGroup = !conversation.name && others.length > 0;

  return (
    <div className="flex flex-col gap-5 p-4">
      <DetailsSummary conversation={conversation} usersById={people.byId} selfId={selfId} />
      {canGroup ? (
        <Button
          variant="secondary"
          size="sm"
          className="w-fit"
          onClick={() => openDialog('new-conversation', { people: others })}
        >
          <PlusIcon size={14} />
          Start a group with {others.length === 1 ? personName(people.byId.get(others[0]!)) : 'these people'}
        </Button>
      ) : null}
      <section aria-labelledby="details-participants" className="flex flex-col gap-1">
        <h3 id="details-participants" className="text-[13px] font-semibold text-neutral-600 dark:text-neutral-300">
          Participants{' '}
          <span className="font-normal text-neutral-500 tabular-nums dark:text-neutral-400">{new Set(ids).size}</span>
        </h3>
        <div className="-mx-2 flex flex-col">
          <ParticipantList accountId={accountId} ids={ids} selfId={selfId} />
        </div>
      </section>
    </div>
  );
}

/** The side panel about one conversation: what it is and who is in it. Escape or Close dismisses it. */
export function ConversationDetails({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const panel = useRef<HTMLElement>(null);
  useEscapeToClose(onClose);

  useEffect(() => {
    // Bring keyboard and screen reader users to the panel they just opened.
    panel.current?.focus({ preventScroll: true });
  }, [conversationId]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <aside
      ref={panel}
      tabIndex={-1}
      aria-labelledby="details-heading"
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-30 flex flex-col bg-white outline-none md:static md:z-auto md:w-80 md:shrink-0 md:border-l md:border-neutral-200 dark:bg-neutral-950 md:dark:border-neutral-800"
    >
      <header className="flex h-12 shrink-0 items-center justify-between gap-2 border-b border-neutral-200 px-4 dark:border-neutral-800">
        <h2 id="details-heading" className="font-semibold">
          Conversation details
        </h2>
        <button
          type="button"
          aria-label="Close details"
          title="Close (Esc)"
          onClick={onClose}
          className="rounded-md p-1.5 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-800 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100"
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <DetailsBody key={conversationId} conversationId={conversationId} />
      </div>
    </aside>
  );
}
