import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationQueries } from '../../api/conversations';
import { isUnread, useLastSeen } from '../../lib/last-seen';

const TITLE = 'Inbox';

/** The tab's title says how many conversations of the open account have unread messages: "(3) Inbox". */
export function useUnreadTitle(accountId: string): void {
  const list = useInfiniteQuery(conversationQueries.list(accountId));
  const seen = useLastSeen(accountId);
  const conversations = list.data?.pages.flatMap((page) => page.data ?? []) ?? [];
  const ids = new Set<string>();
  let unread = 0;
  for (const conversation of conversations) {
    if (!conversation.id || ids.has(conversation.id)) continue;
    ids.add(conversation.id);
    if (isUnread(seen, conversation.id, conversation.last_message_at)) unread++;
  }
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
    return () => {
      document.title = TITLE;
    };
  }, [unread]);
}
