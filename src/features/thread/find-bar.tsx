import { type KeyboardEvent, type RefObject } from 'react';
import { Button } from '../../components/ui/button';
import { ChevronDownIcon, CloseIcon, SearchIcon } from '../../components/ui/icons';
import { OLDER_SEARCH_LIMIT, type OlderSearchState } from './use-find';

const count = new Intl.NumberFormat();

// The matches' colours, for the CSS Custom Highlight API (React puts this in the document's head once).
const HIGHLIGHT_CSS = `
::highlight(find-match) { background-color: #fde68a; color: #171717; }
::highlight(find-current) { background-color: #f97316; color: #fff; }
:root.dark ::highlight(find-match) { background-color: #854d0e; color: #fafafa; }
:root.dark ::highlight(find-current) { background-color: #f97316; color: #0a0a0a; }
`;

const ICON_BUTTON =
  'inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-neutral-200 dark:hover:bg-neutral-800';

export interface FindBarProps {
  input: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (query: string) => void;
  searching: boolean;
  total: number;
  index: number;
  onStep: (by: 1 | -1) => void;
  onClose: () => void;
  hasOlder: boolean;
  older: OlderSearchState | null;
  onSearchOlder: () => void;
  onCancelOlder: () => void;
}

/**
 * Find in the conversation, over the thread: the search, "3 of 17", older (↑, Enter) and newer (↓, Shift+Enter) matches,
 * and a search of older messages than are loaded.
 */
export function FindBar(props: FindBarProps) {
  const { query, searching, total, index, older, hasOlder } = props;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      // Only the bar closes: not a panel, and the thread does not jump to the latest message.
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      props.onStep(event.shiftKey ? -1 : 1);
    }
  }

  const counted = !searching ? '' : total === 0 ? 'No matches' : `${count.format(index + 1)} of ${count.format(total)}`;
  const spoken = !searching ? '' : total === 0 ? 'No matches in the loaded messages' : `Match ${counted}`;
  const percent = older?.state === 'searching' ? Math.round((older.progress.fraction ?? 0) * 100) : 0;

  return (
    <div
      role="search"
      aria-label="Find in conversation"
      className="shrink-0 border-b border-neutral-200 bg-white text-[13px] dark:border-neutral-800 dark:bg-neutral-950"
    >
      <style href="find-highlights" precedence="default">
        {HIGHLIGHT_CSS}
      </style>
      <div className="flex items-center gap-1.5 px-3 py-1.5">
        <div className="relative min-w-0 flex-1">
          <SearchIcon
            size={14}
            className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-neutral-500 dark:text-neutral-400"
          />
          <input
            ref={props.input}
            type="search"
            aria-label="Find in conversation"
            placeholder="Find in conversation"
            value={query}
            onChange={(event) => props.onQuery(event.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            className="h-8 w-full rounded-md border border-neutral-300 bg-white pr-2 pl-8 text-[14px] placeholder:text-neutral-500 focus-visible:border-accent-500 focus-visible:outline-offset-0 dark:border-neutral-700 dark:bg-neutral-900 dark:placeholder:text-neutral-400"
          />
        </div>
        <span aria-hidden="true" className="min-w-16 text-center text-neutral-600 tabular-nums dark:text-neutral-300">
          {counted}
        </span>
        <span role="status" className="sr-only">
          {spoken}
        </span>
        <button
          type="button"
          className={ICON_BUTTON}
          aria-label="Older match (Enter)"
          title="Older match (Enter)"
          disabled={total === 0}
          onClick={() => props.onStep(1)}
        >
          <ChevronDownIcon size={16} className="rotate-180" />
        </button>
        <button
          type="button"
          className={ICON_BUTTON}
          aria-label="Newer match (Shift+Enter)"
          title="Newer match (Shift+Enter)"
          disabled={total === 0}
          onClick={() => props.onStep(-1)}
        >
          <ChevronDownIcon size={16} />
        </button>
        <button
          type="button"
          className={ICON_BUTTON}
          aria-label="Close find (Esc)"
          title="Close (Esc)"
          onClick={props.onClose}
        >
          <CloseIcon size={16} />
        </button>
      </div>
      {searching ? <OlderLine {...props} percent={percent} older={older} hasOlder={hasOlder} /> : null}
    </div>
  );
}

function OlderLine({ older, hasOlder, percent, onSearchOlder, onCancelOlder }: FindBarProps & { percent: number }) {
  const line = 'flex items-center gap-3 border-t border-neutral-100 px-3 py-1 dark:border-neutral-900';
  if (older?.state === 'searching') {
    const back = count.format(older.progress.loaded);
    return (
      <div className={line}>
        <span className="text-neutral-600 dark:text-neutral-300">Searching older messages · {back} messages back</span>
        <div
          role="progressbar"
          aria-label="Searching older messages"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${back} messages back`}
          className="h-1.5 min-w-12 flex-1 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
        >
          <div className="h-full rounded-full bg-accent-500" style={{ width: `${Math.max(4, percent)}%` }} />
        </div>
        <Button size="sm" onClick={onCancelOlder}>
          Cancel
        </Button>
      </div>
    );
  }
  if (older?.state === 'failed') {
    return (
      <div className={line}>
        <span className="flex-1 text-red-700 dark:text-red-400">Could not load older messages: {older.message}</span>
        <Button size="sm" onClick={onSearchOlder}>
          Retry
        </Button>
      </div>
    );
  }
  if (!hasOlder) {
    return (
      <div className={line}>
        <span className="text-neutral-600 dark:text-neutral-300">The whole conversation was searched.</span>
      </div>
    );
  }
  return (
    <div className={line}>
      <span className="flex-1 text-neutral-600 dark:text-neutral-300">
        {older?.state === 'capped'
          ? `No matches in ${count.format(older.searched)} older messages.`
          : 'Only the loaded messages are searched.'}
      </span>
      <Button size="sm" onClick={onSearchOlder}>
        {older?.state === 'capped' ? `Search ${count.format(OLDER_SEARCH_LIMIT)} more` : 'Search older messages'}
      </Button>
    </div>
  );
}
