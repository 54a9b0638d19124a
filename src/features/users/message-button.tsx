import { useId } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { ChatIcon } from '../../components/ui/icons';
import { openDialog } from '../../lib/app-events';
import { paths } from '../../lib/paths';
import { useDirectConversation } from './use-direct-conversation';
import { handle } from '../../contract/people';

/** Opens the direct conversation with someone; without one yet, a new message addressed to them. */
export function MessageButton({
  accountId,
  selfId,
  userId,
  name,
  username,
}: {
  accountId: string;
  selfId: string | null;
  userId: string;
  name: string;
  username: string | null;
}) {
  const navigate = useNavigate();
  const hintId = useId();
  const { conversation, pending } = useDirectConversation(accountId, selfId, userId);
  const id = conversation?.id;
  const hint = id || pending ? null : 'No direct conversation yet: this starts one';
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Button
        variant="primary"
        disabled={pending && !id}
        aria-describedby={hint ? hintId : undefined}
        onClick={() => {
          if (id) navigate(paths.conversation(accountId, id));
          else
            openDialog('compose', { kind: 'user', id: userId, label: name, detail: username ? handle(username) : '' });
        }}
      >
        <ChatIcon size={15} />
        Message
      </Button>
      {hint ? (
        <span id={hintId} className="text-[13px] text-neutral-500 dark:text-neutral-400">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
