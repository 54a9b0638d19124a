import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { type EmojiSet, loadEmoji, searchEmoji } from './emoji';

const COLUMNS = 8;
// Enough to browse the usual faces and hands; the search reaches the others.
const SHOWN = 240;

interface Props {
  onPick: (emoji: string) => void;
  onClose: () => void;
}

/**
 * A searchable grid of emoji over the message box. The search keeps the focus; the arrow keys move in the grid,
 * Enter puts the emoji at the caret, and Escape (handled by the box) or a click elsewhere closes it.
 */
export function EmojiPicker({ onPick, onClose }: Props) {
  const [set, setSet] = useState<EmojiSet | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const gridId = useId();

  useEffect(() => {
    loadEmoji().then(setSet, () => setFailed(true));
  }, []);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (root.current?.contains(target) || target?.closest('[aria-haspopup="dialog"][aria-expanded="true"]')) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);

  const found = useMemo(() => (set ? searchEmoji(set, query, SHOWN) : []), [set, query]);
  const current = found[Math.min(active, found.length - 1)];

  useEffect(() => {
    grid.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, found]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    const move = moves[event.key];
    if (move !== undefined && found.length > 0) {
      event.preventDefault();
      setActive((index) => Math.max(0, Math.min(found.length - 1, index + move)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) onPick(current.emoji);
    }
  }

  return (
    <div
      ref={root}
      role="dialog"
      aria-label="Emoji picker"
      className="absolute right-0 bottom-full z-30 mb-1 flex w-[min(20rem,calc(100vw-2rem))] flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-2 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
    >
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-label="Search emoji"
        aria-expanded="true"
        aria-controls={gridId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${gridId}-${found.indexOf(current)}` : undefined}
        autoComplete="off"
        placeholder="Search emoji"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-[14px] focus:border-accent-500 focus:outline-none dark:border-neutral-700 dark:bg-neutral-950"
      />
      <div
        ref={grid}
        id={gridId}
        role="listbox"
        aria-label="Emoji"
        className="grid max-h-52 grid-cols-8 gap-0.5 overflow-y-auto"
      >
        {found.map((e, index) => (
          <div
            key={e.emoji}
            id={`${gridId}-${index}`}
            role="option"
            aria-selected={e === current}
            aria-label={`${e.description} :${e.names[0]}:`}
            title={`:${e.names[0]}:`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(e.emoji)}
            className={cn(
              'flex h-8 cursor-pointer items-center justify-center rounded text-[20px] hover:bg-neutral-100 dark:hover:bg-neutral-800',
              e === current && 'bg-accent-50 ring-2 ring-accent-500 dark:bg-accent-900/40',
            )}
          >
            {e.emoji}
          </div>
        ))}
      </div>
      {failed || !set || !current ? (
        <p role="status" className="text-[13px] text-neutral-600 dark:text-neutral-400">
          {failed
            ? 'Could not load the emoji. Close and try again.'
            : !set
              ? 'Loading emoji…'
              : `No emoji match “${query.trim()}”.`}
        </p>
      ) : (
        <p className="truncate text-[13px] text-neutral-600 dark:text-neutral-400">
          {current.emoji} :{current.names[0]}:
        </p>
      )}
    </div>
  );
}
