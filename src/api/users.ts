import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useQueries,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { paginated, result } from '../contract/envelopes';
import { type User, UserSchema } from '../contract/models';
import { PEOPLE_BATCH, PEOPLE_PATH, PeopleLookupSchema, PeopleSearchSchema } from '../contract/people';
import { request } from './client';
import { ApiError } from './errors';

const UserPage = paginated(UserSchema);
const UserResult = result(UserSchema);

export const USER_PAGE_SIZE = 100;
const PEOPLE_STALE_MS = 5 * 60_000;

interface Waiter {
  resolve(user: User | null): void;
  reject(error: unknown): void;
}

/** Ids asked for in the same moment, per account, so that a screen of names costs one request. */
const batches = new Map<string, { waiters: Map<string, Waiter[]>; timer: ReturnType<typeof setTimeout> }>();

async function flush(accountId: string) {
  const batch = batches.get(accountId);
  if (!batch) return;
  batches.delete(accountId);
  clearTimeout(batch.timer);
  try {
    const answer = await request(PEOPLE_PATH, PeopleLookupSchema, {
      accountId,
      query: { id: [...batch.waiters.keys()] },
    });
    const found = new Map(answer.data.map((user) => [user.id, user]));
    const missing = new Set(answer.missing);
    const later = new ApiError(503, {
      statusCode: 503,
      message: 'Could not look this person up just now',
      timestamp: new Date().toISOString(),
    });
    for (const [id, waiters] of batch.waiters) {
      const user = found.get(id);
      for (const waiter of waiters) {
        if (user) waiter.resolve(user);
        else if (missing.has(id)) waiter.resolve(null);
        else waiter.reject(later);
      }
    }
  } catch (error) {
    for (const waiters of batch.waiters.values()) for (const waiter of waiters) waiter.reject(error);
  }
}

/** One person, asked for together with everyone else asked for in the same few milliseconds. */
function lookUp(accountId: string, userId: string): Promise<User | null> {
  return new Promise((resolve, reject) => {
    let batch = batches.get(accountId);
    if (!batch) {
      batch = { waiters: new Map(), timer: setTimeout(() => void flush(accountId), 5) };
      batches.set(accountId, batch);
    }
    const waiters = batch.waiters.get(userId) ?? [];
    waiters.push({ resolve, reject });
    batch.waiters.set(userId, waiters);
    if (batch.waiters.size >= PEOPLE_BATCH) void flush(accountId);
  });
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
      staleTime: PEOPLE_STALE_MS,
    }),
  /** One person by id, from the server's directory (null when it does not know them), asked for in batches. */
  person: (accountId: string, userId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(accountId), 'person', userId],
      queryFn: () => lookUp(accountId, userId),
      staleTime: PEOPLE_STALE_MS,
    }),
  /** The id of whoever has this email address: the account's own user, from the email that linked it. */
  withEmail: (accountId: string, email: string | null | undefined) =>
    queryOptions({
      queryKey: [...userQueries.all(accountId), 'email', email?.toLowerCase() ?? ''],
      queryFn: ({ signal }) =>
        request(PEOPLE_PATH, PeopleLookupSchema, { accountId, signal, query: { email } }).then(
          (answer) => answer.data[0]?.id ?? null,
        ),
      enabled: Boolean(email),
      staleTime: PEOPLE_STALE_MS,
    }),
  /**
   * People matching a query, best first, searched on the server over the whole directory (an empty query lists
   * everyone); who is found is kept as a person too, so showing them costs nothing more.
   */
  search: (accountId: string, query: string, options: { limit: number; exclude?: readonly string[] }) => {
    const exclude = [...(options.exclude ?? [])].sort();
    return queryOptions({
      queryKey: [...userQueries.all(accountId), 'search', query.trim(), options.limit, exclude],
      queryFn: async ({ signal, client }) => {
        const answer = await request(PEOPLE_PATH, PeopleSearchSchema, {
          accountId,
          signal,
          query: { q: [query.trim()], limit: options.limit, exclude },
        });
        for (const user of answer.data) {
          if (user.id) client.setQueryData(userQueries.person(accountId, user.id).queryKey, user);
        }
        return answer;
      },
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    });
  },
  /** Every match for a query, a page of 100 at a time, for the directory's search. */
  searchPages: (accountId: string, query: string) =>
    infiniteQueryOptions({
      queryKey: [...userQueries.all(accountId), 'search-pages', query.trim()],
      queryFn: ({ pageParam, signal }) =>
        request(PEOPLE_PATH, PeopleSearchSchema, {
          accountId,
          signal,
          query: { q: [query.trim()], limit: PEOPLE_BATCH, offset: pageParam },
        }),
      initialPageParam: 0,
      getNextPageParam: (page, _pages, offset) =>
        offset + page.data.length < page.total && page.data.length > 0 ? offset + page.data.length : undefined,
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  detail: (accountId: string, userId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(accountId), 'detail', userId],
      queryFn: ({ signal }) =>
        request(`/unified/messaging/users/${encodeURIComponent(userId)}`, UserResult, { accountId, signal }).then(
          (answer) => answer.data ?? null,
        ),
      staleTime: PEOPLE_STALE_MS,
    }),
};

/** The people a view shows, by id: those known so far, and whether some are still on their way or failed. */
export interface People {
  byId: ReadonlyMap<string, User>;
  pending: boolean;
  error: Error | null;
  retry(): void;
}

function combinePeople(results: UseQueryResult<User | null>[]): People {
  const byId = new Map<string, User>();
  for (const entry of results) if (entry.data?.id) byId.set(entry.data.id, entry.data);
  const failed = results.filter((entry) => entry.isError);
  return {
    byId,
    pending: results.some((entry) => entry.isPending),
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((entry) => void entry.refetch()),
  };
}

/** The people with these ids, looked up on the server in batches and kept for a few minutes. */
export function usePeople(accountId: string, ids: readonly string[]): People {
  const unique = useMemo(() => [...new Set(ids.filter(Boolean))], [ids]);
  return useQueries({ queries: unique.map((id) => userQueries.person(accountId, id)), combine: combinePeople });
}
