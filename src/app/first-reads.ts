import type { QueryClient } from '@tanstack/react-query';
import { conversationQueries } from '../api/conversations';
import { userQueries } from '../api/users';
import type { LinkedAccount } from '../contract/accounts';
import { titlePeople } from '../lib/conversation-title';
import { accountToOpen } from './account-to-open';

/*
 * Imported only dynamically (by the boot and the route loader), so it comes in its own small chunk with what it reads
 * through: the boot does not wait for the router's code to ask for the conversations.
 */

/**
 * An account's conversation list, then the names its direct and group messages are titled with, each asked for as soon
 * as what it needs is in rather than once the list has drawn itself (the list reads the same queries from the cache).
 */
export async function prefetchConversationList(queryClient: QueryClient, accountId: string): Promise<void> {
  const list = await queryClient.fetchInfiniteQuery(conversationQueries.list(accountId));
  const ids = new Set(titlePeople(list.pages.flatMap((page) => page.data ?? [])));
  for (const id of ids) if (id) void queryClient.prefetchQuery(userQueries.person(accountId, id));
}

/** The account an address is about: its own, or at `/` the one `/` opens. */
function accountOfAddress(pathname: string, accounts: readonly LinkedAccount[]): string | undefined {
  const own = /^\/a\/([^/]+)/.exec(pathname)?.[1];
  if (own !== undefined) return decodeURIComponent(own);
  return pathname.replace(/\/+$/, '') === '' ? accountToOpen(accounts)?.id : undefined;
}

/**
 * The first screen's reads, started from the boot without waiting for the router to draw: the accounts, then the
 * conversations of the account the address opens, then the names in their titles.
 */
export async function startFirstReads(queryClient: QueryClient, accounts: Promise<readonly LinkedAccount[]>) {
  const accountId = accountOfAddress(window.location.pathname, await accounts);
  if (accountId !== undefined) await prefetchConversationList(queryClient, accountId);
}
