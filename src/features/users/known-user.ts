import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../../contract/models';
import { userQueries } from '../../api/users';

/** Someone already in the cache (directory pages, or looked up or found by a search), to show before their profile loads. */
export function knownUser(queryClient: QueryClient, accountId: string, userId: string): User | undefined {
  const pages = queryClient.getQueryData(userQueries.list(accountId).queryKey)?.pages ?? [];
  for (const page of pages) {
    const found = page.data?.find((user) => user.id === userId);
    if (found) return found;
  }
  return queryClient.getQueryData(userQueries.person(accountId, userId).queryKey) ?? undefined;
}
