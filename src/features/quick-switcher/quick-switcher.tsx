import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { conversationQueries } from '../../api/conversations';
import { loadedMessages } from '../../api/message-search';
import { messageText } from '../../lib/message-text';
import { usePeople, userQueries } from '../../api/users';
import type { User } from '../../contract/models';
import { Dialog } from '../../components/ui/dialog';
import { SearchIcon } from '../../components/ui/icons';
import { useAccount } from '../../lib/account-context';
import { titlePeople } from '../../lib/conversation-title';
import { focusComposer } from '../../lib/app-events';
import { paths } from '../../lib/paths';
import { queryTokens } from '../../contract/text-match';
import { SwitcherOption } from './switcher-option';
import {
  MAX_RESULTS,
  type SwitcherResult,
  conversationResults,
  messageResults,
  personResult,
  searchSwitcher,
} from './switcher-results';

/** While searching, further pages of conversations load so the search covers them, up to this many. */
const SEARCH_LOAD_LIMIT = 5_000;

/** Ctrl/Cmd+K: jump to a conversation or a person. */
export function QuickSwitcher({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Jump to"
      description="Search conversations, people and the loaded messages."
      hideDescription
      className="pb-2"
    >
      <SwitcherBody onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function SwitcherBody({ onDone }: { onDone: () => void }) {
  const { accountId, selfId } = useAccount();
  const navigate = useNavigate();
  const list = useInfiniteQuery(conversationQueries.list(accountId));
  const [query, setQuery] = useState('');
  const [pointed, setPointed] = useState(0);
  const listId = useId();
  const searching = queryTokens(query).length > 0;

  const pages = list.data?.pages;
  const loaded = useMemo(() => pages?.flatMap((page) => page.data ?? []) ?? [], [pages]);
  const names = usePeople(
    accountId,
    useMemo(() => titlePeople(loaded), [loaded]),
  );
  const conversations = useMemo(() => conversationResults(loaded, names.byId, selfId), [loaded, names.byId, selfId]);
  const found = useQuery({ ...userQueries.search(accountId, query, { limit: MAX_RESULTS }), enabled: searching });
  const people = useMemo(
    () =>
      searching
        ? (found.data?.data ?? []).filter((user): user is User & { id: string } => Boolean(user.id)).map(personResult)
        : [],
    [found.data, searching],
  );
  const queryClient = useQueryClient();
  const messages = useMemo(() => {
    const titles = new Map(conversations.map((conversation) => [conversation.id, conversation.title]));
    return messageResults(
      loadedMessages(queryClient, accountId),
      query,
      messageText,
      (id) => titles.get(id) ?? 'a conversation',
    );
  }, [queryClient, accountId, conversations, query]);
  const results = useMemo(
    () => [...searchSwitcher(conversations, people, query), ...messages],
    [conversations, people, query, messages],
  );
  const active = Math.min(pointed, results.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  useEffect(() => {
    if (
      searching &&
      hasNextPage &&
      !isFetchingNextPage &&
      !isFetchNextPageError &&
      conversations.length < SEARCH_LOAD_LIMIT
    ) {
      void fetchNextPage();
    }
  }, [searching, hasNextPage, isFetchingNextPage, isFetchNextPageError, conversations.length, fetchNextPage]);

  const activeOptionId = active >= 0 ? optionId(active) : undefined;
  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeOptionId, results]);

  function choose(result: SwitcherResult | undefined) {
    if (!result) return;
    onDone();
    if (result.type === 'conversation') focusComposer();
    navigate(
      result.type === 'conversation'
        ? paths.conversation(accountId, result.id)
        : result.type === 'message'
          ? paths.message(accountId, result.conversationId, result.id)
          : paths.user(accountId, result.id),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count > 0) setPointed((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[active]);
    }
  }

  const conversationCount = results.filter((result) => result.type === 'conversation').length;
  const peopleEnd = conversationCount + results.filter((result) => result.type === 'person').length;
  const groups = [
    {
      label: searching ? 'Conversations' : 'Recent conversations',
      start: 0,
      items: results.slice(0, conversationCount),
    },
    { label: 'People', start: conversationCount, items: results.slice(conversationCount, peopleEnd) },
    { label: 'Messages', start: peopleEnd, items: results.slice(peopleEnd) },
  ].filter((group) => group.items.length > 0);
  const loading = (list.isPending || (searching && found.isPending)) && results.length === 0;

  return (
    <div className="flex min-h-0 flex-col">
      <div className="relative mx-4 mt-3 mb-2">
        <SearchIcon
          size={16}
          className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-neutral-400"
        />
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search conversations and people
        </label>
        <input
          id={`${listId}-input`}
          autoFocus
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOptionId}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPointed(0);
          }}
          onKeyDown={onKeyDown}
          placeholder="Search conversations and people…"
          autoComplete="off"
          spellCheck={false}
          className="h-10 w-full rounded-lg border border-neutral-300 bg-white pr-3 pl-9 text-[15px] placeholder:text-neutral-500 focus-visible:border-accent-500 focus-visible:outline-offset-0 dark:border-neutral-700 dark:bg-neutral-950 dark:placeholder:text-neutral-400"
        />
      </div>
      <div id={listId} role="listbox" aria-label="Results" className="min-h-0 overflow-y-auto pb-1">
        {groups.map((group) => (
          <div key={group.label} role="group" aria-label={group.label} className="pt-1">
            <div
              aria-hidden="true"
              className="px-4 pt-1 pb-1 text-[12px] font-medium text-neutral-500 dark:text-neutral-400"
            >
              {group.label}
            </div>
            {group.items.map((result, offset) => {
              const index = group.start + offset;
              return (
                <SwitcherOption
                  key={`${result.type}:${result.id}`}
                  id={optionId(index)}
                  result={result}
                  active={index === active}
                  onPoint={() => setPointed(index)}
                  onChoose={() => choose(result)}
                />
              );
            })}
          </div>
        ))}
      </div>
      <p role="status" className="px-4 py-2 text-[13px] text-neutral-500 empty:hidden dark:text-neutral-400">
        {loading
          ? 'Loading…'
          : results.length > 0
            ? ''
            : !searching
              ? 'No recent conversations'
              : isFetchingNextPage
                ? 'Searching…'
                : 'No matches'}
      </p>
      <p
        aria-hidden="true"
        className="hidden border-t border-neutral-200 px-4 pt-2 sm:block text-[12px] text-neutral-500 dark:border-neutral-800 dark:text-neutral-400"
      >
        <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move ·{' '}
        <kbd className="font-sans">Enter</kbd> to open · <kbd className="font-sans">Esc</kbd> to close
      </p>
    </div>
  );
}
