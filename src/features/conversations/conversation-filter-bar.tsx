import type { KeyboardEvent } from 'react';
import { SearchIcon } from '../../components/ui/icons';
import { cn } from '../../lib/cn';
import { LIST_CHIPS, type ListChip } from './list-chips';

interface Props {
  query: string;
  onQueryChange: (query: string) => void;
  chip: ListChip;
  onChipChange: (chip: ListChip) => void;
  unreadCount: number;
  /** ArrowDown in the filter box: go to the first row. */
  onLeaveDown: () => void;
}

/** The filter box (focused by "/") and the chips All / Unread / Direct / Groups / Private. */
export function ConversationFilterBar({ query, onQueryChange, chip, onChipChange, unreadCount, onLeaveDown }: Props) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQueryChange('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeaveDown();
    }
  }

  return (
    <div className="flex flex-col gap-2 px-3 pb-2">
      <div className="relative">
        <SearchIcon
          size={14}
          className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-neutral-400 dark:text-neutral-500"
        />
        <label htmlFor="conversation-filter" className="sr-only">
          Filter conversations
        </label>
        <input
          id="conversation-filter"
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Filter… (/)"
          autoComplete="off"
          spellCheck={false}
          className="h-8 w-full rounded-md border border-neutral-300 bg-white pr-2 pl-8 text-[14px] placeholder:text-neutral-500 focus-visible:border-accent-500 focus-visible:outline-offset-0 dark:border-neutral-700 dark:bg-neutral-950 dark:placeholder:text-neutral-400"
        />
      </div>
      <div role="group" aria-label="Show" className="flex flex-wrap gap-1">
        {LIST_CHIPS.map(({ value, label }) => {
          const pressed = chip === value;
          return (
            <button
              key={value}
              type="button"
              aria-pressed={pressed}
              onClick={() => onChipChange(pressed && value !== 'all' ? 'all' : value)}
              className={cn(
                'inline-flex h-6 flex-auto items-center justify-center gap-1 rounded-full border px-1.5 text-[12px] font-medium whitespace-nowrap transition-colors',
                pressed
                  ? 'border-accent-600 bg-accent-600 text-white dark:border-accent-500 dark:bg-accent-500'
                  : 'border-neutral-300 bg-white text-neutral-700 hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800',
              )}
            >
              {label}
              {value === 'unread' && unreadCount > 0 ? (
                <span className="tabular-nums opacity-80">{unreadCount}</span>
              ) : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}
