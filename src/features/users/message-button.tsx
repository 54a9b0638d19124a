import { useId } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { ChatIcon } from '../../components/ui/icons';
import { paths } from '../../lib/paths';
import { useDirectConversation } from './use-direct-conversation';

/** Opens the direct conversation with someone, when there is one (compose does not exist yet). */
export function MessageButton({
  accountId,
  selfId,
  userId,
}: {
  accountId: string;
  selfId: string | null;
  userId: string;
}) {
  const navigate = useNavigate();
  const hintId = useId();
  const { conversation, pending } = useDirectConversation(accountId, selfId, userId);
  const id = conversation?.id;
  let title: string | undefined;
  if (!id) title = pending ? 'Looking for your conversation…' : 'No direct conversation yet';
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Button
        variant="primary"
        className="dark:disabled:text-neutral-400"
        disabled={!id}
        title={title}
        aria-describedby={id ? undefined : hintId}
        onClick={() => id && navigate(paths.conversation(accountId, id))}
      >
        <ChatIcon size={15} />
        Message
      </Button>
      {id ? null : (
        <span id={hintId} className="text-[13px] text-neutral-500 dark:text-neutral-400">
          {title}
        </span>
      )}
    </div>
  );
}
