import { useQueries } from '@tanstack/react-query';
import { conversationQueries } from '../../api/conversations';
import { countUnread, useLastSeenOf } from '../../lib/last-seen';

/**
 * How many conversations have unread messages in each of these accounts (those not open), among their newest,
 * which the event stream keeps up to date.
 */
export function useAccountsUnread(accountIds: readonly string[]): ReadonlyMap<string, number> {
  const lists = useQueries({ queries: accountIds.map((id) => conversationQueries.recent(id)) });
  const seen = useLastSeenOf(accountIds);
  return new Map(accountIds.map((id, index) => [id, countUnread(lists[index]?.data ?? [], seen[index]!)]));
}
