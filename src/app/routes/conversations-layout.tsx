import { Outlet, useParams } from 'react-router';
import { ConversationList } from '../../features/conversations/conversation-list';
import { cn } from '../../lib/cn';

/** The conversation list beside the open conversation; on narrow screens, one of the two at a time. */
export function ConversationsLayout() {
  const selectedId = useParams().conversationId ?? null;
  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <div className={cn('min-h-0 w-full shrink-0 md:flex md:w-80', selectedId ? 'hidden' : 'flex')}>
        <ConversationList selectedId={selectedId} />
      </div>
      <div className={cn('min-h-0 min-w-0 flex-1', selectedId ? 'flex' : 'hidden md:flex')}>
        <Outlet />
      </div>
    </div>
  );
}
