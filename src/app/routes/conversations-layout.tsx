import { Outlet, useParams } from 'react-router';
import { ConversationList } from '../../features/conversations/conversation-list';
import { ConversationPanes } from '../layout/inbox-frame';

/** The conversation list beside the open conversation; on narrow screens, one of the two at a time. */
export function ConversationsLayout() {
  const selectedId = useParams().conversationId ?? null;
  return (
    <ConversationPanes
      selected={selectedId !== null}
      list={<ConversationList selectedId={selectedId} />}
      pane={<Outlet />}
    />
  );
}
