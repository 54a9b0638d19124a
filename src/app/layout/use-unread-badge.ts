import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationQueries } from '../../api/conversations';
import { countUnread, useLastSeen } from '../../lib/last-seen';

const TITLE = 'Inbox';
const ICON = '/favicon.svg';

/** The app's icon with the count in a red badge (9+ above nine), as a data URL. */
function badgedIcon(count: number): string {
  const text = count > 9 ? '9+' : String(count);
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect width="32" height="32" rx="7" fill="#4f46e5"/><path d="M8 10h16v10H14l-4 4v-4H8z" fill="#fff"/>' +
    '<circle cx="23" cy="9" r="9" fill="#dc2626"/>' +
    `<text x="23" y="13" font-family="sans-serif" font-size="${text.length > 1 ? 10 : 12}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text>` +
    '</svg>';
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * The tab says how many conversations of the open account have unread messages: "(3) Inbox", and a badge on the icon.
 * The count is returned too.
 */
export function useUnreadBadge(accountId: string): number {
  const list = useInfiniteQuery(conversationQueries.list(accountId));
  const seen = useLastSeen(accountId);
  const unread = countUnread(list.data?.pages.flatMap((page) => page.data ?? []) ?? [], seen);
  useEffect(() => {
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
    icon?.setAttribute('href', unread > 0 ? badgedIcon(unread) : ICON);
    return () => {
      document.title = TITLE;
      icon?.setAttribute('href', ICON);
    };
  }, [unread]);
  return unread;
}
