import { useInfiniteQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { userQueries } from '../../api/users';
import { Button } from '../../components/ui/button';
import { SearchIcon } from '../../components/ui/icons';
import { EmptyState, ErrorState, SkeletonRows, StaleNotice } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { openDialog } from '../../lib/app-events';
import { DirectoryList } from './directory-list';
import { useSearchParam } from './use-search-param';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The account's people: pages load as the list scrolls; a search runs on the server over the whole directory,
 * its matches loading as the list scrolls too, and lives in the URL as `?q=`.
 */
export function UserDirectory({ selectedId }: { selectedId: string | null }) {
  const { accountId, selfId } = useAccount();
  // People picked for a new group; kept across searches, so a group can be gathered from several.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const togglePick = (id: string) =>
    setPicked((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const [query, setQuery] = useSearchParam('q');
  const searching = query.trim() !== '';
  const everyone = useInfiniteQuery({ ...userQueries.list(accountId), enabled: !searching });
  const matches = useInfiniteQuery({ ...userQueries.searchPages(accountId, query), enabled: searching });
  const pages = searching ? matches : everyone;

  const users = useMemo(() => pages.data?.pages.flatMap((page) => page.data ?? []) ?? [], [pages.data]);
  const linkSearch = searching ? `?${new URLSearchParams({ q: query.trim() })}` : '';
  const waiting = pages.isPending;
  // A search answered before the whole directory was read says so.
  const firstMatches = matches.data?.pages[0];
  const partial = searching && firstMatches !== undefined && !firstMatches.complete;

  let count = '';
  if (searching && firstMatches && !matches.isPlaceholderData) {
    count = plural(firstMatches.total, 'match', 'matches');
    if (partial) count += ' so far';
  } else if (!searching && !everyone.hasNextPage && everyone.data) count = plural(users.length, 'person', 'people');

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
  if (waiting) {
    body = <SkeletonRows label={searching ? 'Searching people' : 'Loading people'} />;
  } else if (pages.isError && !pages.data) {
    body = (
      <ErrorState
        title={searching ? 'Could not search people' : 'Could not load people'}
        message={errorMessage(pages.error)}
        onRetry={() => void pages.refetch()}
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
        hasMore={pages.hasNextPage}
        loadingMore={pages.isFetchingNextPage}
        loadMoreError={pages.isFetchNextPageError ? errorMessage(pages.error) : null}
        onLoadMore={() => void pages.fetchNextPage()}
        picked={picked}
        onTogglePick={togglePick}
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
      {partial ? (
        <StaleNotice
          message="The directory is still being read: search again in a moment to see everyone."
          onRetry={() => void matches.refetch()}
        />
      ) : null}
      {pages.isRefetchError ? (
        <StaleNotice
          message={`This list may be out of date. ${errorMessage(pages.error)}`}
          onRetry={() => void pages.refetch()}
        />
      ) : null}
      {body}
      {picked.size > 0 ? (
        <div className="flex shrink-0 items-center gap-2 border-t border-neutral-200 px-3 py-2 dark:border-neutral-800">
          <p role="status" className="mr-auto text-[13px] text-neutral-700 tabular-nums dark:text-neutral-300">
            {picked.size === 1 ? '1 person picked' : `${picked.size} people picked`}
          </p>
          <Button size="sm" onClick={() => setPicked(new Set())}>
            Clear
          </Button>
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              openDialog('new-conversation', { people: [...picked] });
              setPicked(new Set());
            }}
          >
            Start a group
          </Button>
        </div>
      ) : null}
    </section>
  );
}
