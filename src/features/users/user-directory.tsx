import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useMemo } from 'react';
import { errorMessage } from '../../api/errors';
import { DIRECTORY_LIMIT, userQueries } from '../../api/users';
import { SearchIcon } from '../../components/ui/icons';
import { EmptyState, ErrorState, SkeletonRows, StaleNotice } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { DirectoryList } from './directory-list';
import { filterUsers } from './filter-users';
import { useSearchParam } from './use-search-param';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The account's people: pages load as the list scrolls; a search looks through the whole
 * directory (everyone, loaded once) and lives in the URL as `?q=`.
 */
export function UserDirectory({ selectedId }: { selectedId: string | null }) {
  const { accountId, selfId } = useAccount();
  const [query, setQuery] = useSearchParam('q');
  const searching = query.trim() !== '';
  const pages = useInfiniteQuery(userQueries.list(accountId));
  const directory = useQuery({ ...userQueries.directory(accountId), enabled: searching });

  const loaded = useMemo(() => pages.data?.pages.flatMap((page) => page.data ?? []) ?? [], [pages.data]);
  // Until everyone has loaded (or if that failed), a search looks through the pages at hand.
  const pool = searching && directory.data ? directory.data.users : loaded;
  const users = useMemo(() => (searching ? filterUsers(pool, query) : pool), [pool, query, searching]);
  const partial = searching && !directory.data;
  const linkSearch = searching ? `?${new URLSearchParams({ q: query.trim() })}` : '';

  const hasMore = !searching && pages.hasNextPage;
  const waiting = pages.isPending && (!searching || directory.isPending);

  let count = '';
  if (searching && !waiting && !partial) {
    count = plural(users.length, 'match', 'matches');
    if (pool.length >= DIRECTORY_LIMIT) count += ` in the first ${DIRECTORY_LIMIT.toLocaleString()}`;
  }
  else if (!searching && !pages.hasNextPage && pages.data) count = plural(users.length, 'person', 'people');

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    } else if (event.key === 'ArrowDown') {
      const first = event.currentTarget.closest('section')?.querySelector<HTMLElement>('[role="list"] a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  let body;
  if (waiting || (searching && users.length === 0 && directory.isPending)) {
    body = <SkeletonRows label="Loading people" />;
  } else if (!searching && pages.isError && !pages.data) {
    body = (
      <ErrorState
        title="Could not load people"
        message={errorMessage(pages.error)}
        onRetry={() => void pages.refetch()}
      />
    );
  } else if (searching && directory.isError && loaded.length === 0) {
    body = (
      <ErrorState
        title="Could not search people"
        message={errorMessage(directory.error)}
        onRetry={() => void directory.refetch()}
      />
    );
  } else if (users.length === 0) {
    body = searching ? (
      <EmptyState title={`No one matches “${query.trim()}”`}>
        <p>Try part of a name, a username or an email address.</p>
        <button
          type="button"
          onClick={() => setQuery('')}
          className="mt-2 font-medium text-accent-700 underline dark:text-accent-300"
        >
          Clear search
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No people here yet">This account’s directory is empty.</EmptyState>
    );
  } else {
    body = (
      <DirectoryList
        accountId={accountId}
        users={users}
        selectedId={selectedId}
        selfId={selfId}
        linkSearch={linkSearch}
        hasMore={hasMore}
        loadingMore={pages.isFetchingNextPage}
        loadMoreError={pages.isFetchNextPageError ? errorMessage(pages.error) : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    );
  }

  return (
    <section aria-labelledby="people-heading" className="flex min-h-0 w-full flex-col">
      <div className="flex flex-col gap-2 border-b border-neutral-200 px-3 pt-3 pb-2.5 dark:border-neutral-800">
        <div className="flex items-baseline justify-between gap-2">
          <h1 id="people-heading" className="text-base font-semibold">
            People
          </h1>
          <p role="status" className="text-[13px] text-neutral-500 tabular-nums dark:text-neutral-400">
            {count}
          </p>
        </div>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-neutral-400" />
          <input
            type="search"
            aria-label="Search people"
            placeholder="Name, username or email"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKeyDown}
            autoComplete="off"
            spellCheck={false}
            className="h-8 w-full rounded-md border border-neutral-300 bg-white pr-2 pl-8 text-sm placeholder:text-neutral-500 focus-visible:border-accent-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent-500/30 dark:border-neutral-700 dark:bg-neutral-900 dark:placeholder:text-neutral-400"
          />
        </div>
      </div>
      {searching && directory.isError && loaded.length > 0 ? (
        <StaleNotice
          message={`Searched only the people loaded so far. ${errorMessage(directory.error)}`}
          onRetry={() => void directory.refetch()}
        />
      ) : null}
      {!searching && pages.isRefetchError ? (
        <StaleNotice
          message={`This list may be out of date. ${errorMessage(pages.error)}`}
          onRetry={() => void pages.refetch()}
        />
      ) : null}
      {body}
    </section>
  );
}
