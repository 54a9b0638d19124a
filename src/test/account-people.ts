import type { QueryClient } from '@tanstack/react-query';
import { send } from '../api/client';
import { userQueries } from '../api/users';
import type { LinkedAccount } from '../contract/accounts';
import type { User } from '../contract/models';

/**
 * Everyone in an account, read page by page as a test does to know what to expect (the app itself never walks
 * the directory), and the account's own user as the app finds them.
 */
export async function accountPeople(
  queryClient: QueryClient,
  account: LinkedAccount,
): Promise<{ users: User[]; selfId: string | null }> {
  const users: User[] = [];
  let next: string | null = null;
  do {
    const response = await send('/unified/messaging/users', {
      accountId: account.id,
      query: { page_size: 100, next },
    });
    const page = (await response.json()) as { data?: User[]; next?: string | null };
    users.push(...(page.data ?? []));
    next = page.next?.trim() ? page.next : null;
  } while (next);
  const selfId = await queryClient.fetchQuery(userQueries.withEmail(account.id, account.origin_username));
  return { users, selfId };
}
