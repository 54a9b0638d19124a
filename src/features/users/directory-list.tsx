import { forwardRef, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ContextProp, type ItemProps, type ListProps, Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { User } from '../../contract/models';
import { PersonRow } from '../../components/ui/person-row';
import { Skeleton } from '../../components/ui/states';
import { cn } from '../../lib/cn';
import { paths } from '../../lib/paths';
import { personName } from '../../contract/people';

export interface DirectoryListProps {
  accountId: string;
  users: User[];
  selectedId: string | null;
  selfId: string | null;
  /** Kept on the profile links, so that a search survives opening a profile. */
  linkSearch: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: string | null;
  onLoadMore: () => void;
  /** People picked for a new group, and how to pick or unpick one (Space on a row, or its checkbox). */
  picked: ReadonlySet<string>;
  onTogglePick: (id: string) => void;
}

type Footer = Pick<DirectoryListProps, 'hasMore' | 'loadingMore' | 'loadMoreError' | 'onLoadMore'>;

const List = forwardRef<HTMLDivElement, ListProps & ContextProp<Footer>>(function List(
  { context: _context, ...props },
  ref,
) {
  return <div {...props} ref={ref} role="list" aria-label="People" />;
});

function Item({ context: _context, item: _item, ...props }: ItemProps<User> & ContextProp<Footer>) {
  return <div {...props} role="listitem" />;
}

function Footer({ context }: ContextProp<Footer>) {
  if (context.loadMoreError) {
    return (
      <div
        role="alert"
        className="flex items-center justify-between gap-2 px-3 py-2 text-[13px] text-neutral-600 dark:text-neutral-400"
      >
        <span>Could not load more people. {context.loadMoreError}</span>
        <button
          type="button"
          onClick={context.onLoadMore}
          className="font-medium text-accent-700 underline dark:text-accent-300"
        >
          Retry
        </button>
      </div>
    );
  }
  if (!context.hasMore && !context.loadingMore) return <div className="h-2" />;
  return (
    <div role="status" aria-label="Loading more people" className="flex items-center gap-2.5 px-3 py-2">
      <Skeleton className="h-8 w-8" />
      <Skeleton className="h-3 w-1/2" />
    </div>
  );
}

/** The people as a virtualised list of profile links; arrow keys move between rows. */
export function DirectoryList(props: DirectoryListProps) {
  const {
    accountId,
    users,
    selectedId,
    selfId,
    linkSearch,
    hasMore,
    loadingMore,
    loadMoreError,
    onLoadMore,
    picked,
    onTogglePick,
  } = props;
  const pickable = (user: User) => !!user.id && user.id !== selfId && user.active !== false;
  const virtuoso = useRef<VirtuosoHandle>(null);
  const root = useRef<HTMLDivElement>(null);
  // Read once: Virtuoso only uses the first value, to open a deep-linked profile's row in view.
  const [initialIndex] = useState(() =>
    Math.max(
      0,
      users.findIndex((user) => user.id === selectedId),
    ),
  );
  const shownSearch = useRef(linkSearch);

  useEffect(() => {
    // A new search starts at its first match.
    if (shownSearch.current === linkSearch) return;
    shownSearch.current = linkSearch;
    virtuoso.current?.scrollToIndex({ index: 0 });
  }, [linkSearch]);

  function focusRow(index: number) {
    virtuoso.current?.scrollIntoView({
      index,
      done: () =>
        requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`)?.focus()),
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest('[data-index]');
    if (!row) return;
    const index = Number(row.getAttribute('data-index'));
    if (event.key === ' ' && (event.target as HTMLElement).tagName === 'A') {
      const user = users[index];
      if (user && pickable(user)) {
        event.preventDefault();
        onTogglePick(user.id!);
      }
      return;
    }
    const last = users.length - 1;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(Math.min(last, Math.max(0, next)));
  }

  return (
    <div ref={root} className="min-h-0 flex-1" onKeyDown={onKeyDown}>
      <Virtuoso
        ref={virtuoso}
        style={{ height: '100%' }}
        data={users}
        context={{ hasMore, loadingMore, loadMoreError, onLoadMore }}
        initialTopMostItemIndex={{ index: initialIndex, align: initialIndex > 0 ? 'center' : 'start' }}
        increaseViewportBy={400}
        computeItemKey={(index, user) => user.id ?? index}
        endReached={() => {
          if (hasMore && !loadingMore && !loadMoreError) onLoadMore();
        }}
        components={{ List, Item, Footer }}
        itemContent={(_index, user) => {
          const selected = user.id === selectedId;
          const name = personName(user);
          const isPicked = !!user.id && picked.has(user.id);
          return (
            <div className="mx-1.5 my-px flex items-center gap-1">
              {pickable(user) ? (
                <input
                  type="checkbox"
                  // Not a Tab stop of its own: Space on the row picks, as the row's hint says.
                  tabIndex={-1}
                  checked={isPicked}
                  onChange={() => onTogglePick(user.id!)}
                  aria-label={`Pick ${name} for a group`}
                  className="ml-1 h-4 w-4 shrink-0 accent-accent-600"
                />
              ) : (
                <span className="ml-1 h-4 w-4 shrink-0" />
              )}
              <Link
                to={`${paths.user(accountId, user.id ?? '')}${linkSearch}`}
                aria-current={selected ? 'page' : undefined}
                aria-description={
                  pickable(user)
                    ? isPicked
                      ? 'Picked for a group. Space to unpick'
                      : 'Space to pick for a group'
                    : undefined
                }
                className={cn(
                  'flex min-w-0 flex-1 rounded-md px-2 py-1.5 -outline-offset-2',
                  selected
                    ? 'bg-accent-100 dark:bg-accent-900/60'
                    : 'hover:bg-neutral-100 dark:hover:bg-neutral-800/70',
                )}
              >
                <PersonRow
                  id={user.id}
                  name={name}
                  username={user.username}
                  bot={user.bot === true}
                  inactive={user.active === false}
                  self={user.id === selfId}
                />
              </Link>
            </div>
          );
        }}
      />
    </div>
  );
}
