import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { paginated, type Paginated, result } from '../contract/envelopes';
import { type User, UserSchema } from '../contract/models';
import { request } from './client';

const UserPage = paginated(UserSchema);
const UserResult = result(UserSchema);

export const USER_PAGE_SIZE = 100;
/** The directory loads at most this many people for name look-ups and search. */
export const DIRECTORY_LIMIT = 5_000;

async function fetchDirectory(accountId: string, signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let next: string | null | undefined = null;
  do {
    const page: Paginated<User> = await request('/unified/messaging/users', UserPage, {
      accountId,
      signal,
      query: { page_size: USER_PAGE_SIZE, next },
    });
    users.push(...(page.data ?? []));
    next = page.next?.trim() ? page.next : null;
  } while (next && users.length < DIRECTORY_LIMIT);
  return users;
}

export interface Directory {
  users: User[];
  byId: Map<string, User>;
}

// One index per fetched list (a module-level select is memoised by react-query), so `byId` stays stable.
function indexDirectory(users: User[]): Directory {
  return { users, byId: new Map(users.map((user) => [user.id ?? '', user])) };
}

export const userQueries = {
  all: (accountId: string) => ['users', accountId] as const,
  /** One page at a time, for the infinitely scrolling directory. */
  list: (accountId: string) =>
    infiniteQueryOptions({
      queryKey: [...userQueries.all(accountId), 'list'],
      queryFn: ({ pageParam, signal }) =>
        request('/unified/messaging/users', UserPage, {
          accountId,
          signal,
          query: { page_size: USER_PAGE_SIZE, next: pageParam },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => (page.next?.trim() ? page.next : undefined),
      staleTime: 5 * 60_000,
    }),
  /** Everyone (up to DIRECTORY_LIMIT), to show names for participant ids and to search people. */
  directory: (accountId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(accountId), 'directory'],
      queryFn: ({ signal }) => fetchDirectory(accountId, signal),
      staleTime: 5 * 60_000,
      select: indexDirectory,
    }),
  detail: (accountId: string, userId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(accountId), 'detail', userId],
      queryFn: ({ signal }) =>
        request(`/unified/messaging/users/${encodeURIComponent(userId)}`, UserResult, { accountId, signal }).then(
          (answer) => answer.data ?? null,
        ),
      staleTime: 5 * 60_000,
    }),
};
