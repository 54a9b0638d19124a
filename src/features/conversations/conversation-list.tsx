import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { conversationQueries } from '../../api/conversations';
import { errorMessage } from '../../api/errors';
import { usePeople } from '../../api/users';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorState, SkeletonRows, StaleNotice } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { titlePeople } from '../../lib/conversation-title';
import { useLastSeen } from '../../lib/last-seen';
import { filterRows, toRows } from './conversation-rows';
import type { ListChip } from './list-chips';
import { ListFrame } from './list-frame';
import { ConversationFilterBar } from './conversation-filter-bar';
import type { FooterState } from './list-footer';
import { recallList, rememberList } from './list-memory';
import { useNow } from './use-now';
import { VirtualConversationList } from './virtual-conversation-list';

/** While a filter is on, pages keep loading so it covers every conversation, up to this many. */
const FILTER_LOAD_LIMIT = 5_000;

/** The account's conversations, latest activity first. */
export function ConversationList({ selectedId }: { selectedId: string | null }) {
  const { accountId } = useAccount();
  // A new account starts a new list: its own filter, focus and scroll position.
  return <AccountConversationList key={accountId} selectedId={selectedId} />;
}

function AccountConversationList({ selectedId }: { selectedId: string | null }) {
  const { accountId, selfId } = useAccount();
  const list = useInfiniteQuery(conversationQueries.list(accountId));
  const seen = useLastSeen(accountId);
  const now = useNow();
  const [query, setQuery] = useState(() => recallList(accountId).query);
  const [chip, setChip] = useState<ListChip>(() => recallList(accountId).chip);
  const filterQuery = useDeferredValue(query);
  const navRef = useRef<HTMLElement>(null);

  const pages = list.data?.pages;
  const conversations = useMemo(() => pages?.flatMap((page) => page.data ?? []) ?? [], [pages]);
  const people = usePeople(
    accountId,
    useMemo(() => titlePeople(conversations), [conversations]),
  );
  const rows = useMemo(
    () => toRows(conversations, { usersById: people.byId, selfId, seen, namesPending: people.pending }),
    [conversations, people.byId, selfId, seen, people.pending],
  );
  const visible = useMemo(() => filterRows(rows, filterQuery, chip, selectedId), [rows, filterQuery, chip, selectedId]);
  const unreadCount = useMemo(() => rows.reduce((count, row) => count + (row.unread ? 1 : 0), 0), [rows]);
  const filtering = query.trim() !== '' || chip !== 'all';

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  // Also when nothing is left to show: a provider may answer an empty page that still has a next one.
  const keepLoading = filtering || visible.length === 0;
  useEffect(() => {
    if (keepLoading && hasNextPage && !isFetchingNextPage && !isFetchNextPageError && rows.length < FILTER_LOAD_LIMIT) {
      void fetchNextPage();
    }
  }, [keepLoading, hasNextPage, isFetchingNextPage, isFetchNextPageError, rows.length, fetchNextPage]);

  const footer = useMemo<FooterState>(
    () => ({
      hasNextPage,
      isFetchingNextPage,
      nextPageError: isFetchNextPageError ? errorMessage(list.error) : null,
      filtering,
      onLoadMore: () => void fetchNextPage(),
    }),
    [hasNextPage, isFetchingNextPage, isFetchNextPageError, list.error, filtering, fetchNextPage],
  );

  function changeQuery(next: string) {
    setQuery(next);
    rememberList(accountId, { query: next });
  }
  function changeChip(next: ListChip) {
    setChip(next);
    rememberList(accountId, { chip: next });
  }
  function focusFirstRow() {
    // The first row on screen: the virtual list renders rows in order, starting a few rows above the screen.
    const rendered = [...(navRef.current?.querySelectorAll<HTMLElement>('[data-row-index]') ?? [])];
    const screenTop = rendered[0]?.closest('[role="list"]')?.parentElement?.getBoundingClientRect().top ?? 0;
    (rendered.find((row) => row.getBoundingClientRect().top >= screenTop - 1) ?? rendered[0])?.focus();
  }

  let body;
  if (list.isPending) body = <SkeletonRows label="Loading conversations" rows={10} />;
  else if (list.isError && !list.data) {
    body = (
      <ErrorState
        title="Could not load conversations"
        message={errorMessage(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  } else if (rows.length === 0 && !hasNextPage) {
    body = (
      <EmptyState title="No conversations yet">Channels and messages of this account will show up here.</EmptyState>
    );
  } else if (visible.length === 0 && isFetchNextPageError) {
    body = (
      <ErrorState
        title="Could not load more conversations"
        message={errorMessage(list.error)}
        onRetry={() => void fetchNextPage()}
      />
    );
  } else if (visible.length === 0) {
    body =
      hasNextPage && rows.length < FILTER_LOAD_LIMIT ? (
        <SkeletonRows label={filtering ? 'Searching older conversations' : 'Loading conversations'} rows={3} />
      ) : (
        <EmptyState title="Nothing matches">
          <p>Try another name, or show everything again.</p>
          <Button
            variant="ghost"
            size="sm"
            className="mt-2 text-accent-700 dark:text-accent-300"
            onClick={() => {
              changeQuery('');
              changeChip('all');
            }}
          >
            Clear filter
          </Button>
        </EmptyState>
      );
  } else {
    body = (
      <VirtualConversationList
        accountId={accountId}
        rows={visible}
        selectedId={selectedId}
        now={now}
        footer={footer}
        resetKey={`${filterQuery}\n${chip}`}
      />
    );
  }

  return (
    <ListFrame ref={navRef}>
      <ConversationFilterBar
        query={query}
        onQueryChange={changeQuery}
        chip={chip}
        onChipChange={changeChip}
        unreadCount={unreadCount}
        onLeaveDown={focusFirstRow}
      />
      {list.isRefetchError ? (
        <StaleNotice
          message={`Could not refresh the list: ${errorMessage(list.error)}`}
          onRetry={() => void list.refetch()}
        />
      ) : null}
      {people.error ? <StaleNotice message="Could not load people’s names." onRetry={people.retry} /> : null}
      {body}
    </ListFrame>
  );
}
