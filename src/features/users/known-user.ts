import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../../contract/models';
import { userQueries } from '../../api/users';

/** Someone already in the cache (directory pages or the full directory), to show before their profile loads. */
export function knownUser(queryClient: QueryClient, accountId: string, userId: string): User | undefined {
  const pages = queryClient.getQueryData(userQueries.list(accountId).queryKey)?.pages ?? [];
  for (const page of pages) {
    const found = page.data?.find((user) => user.id === userId);
    if (found) return found;
  }
  return queryClient.getQueryData(userQueries.directory(accountId).queryKey)?.find((user) => user.id === userId);
}
