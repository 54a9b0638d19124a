import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConversationRowLink, ROW_HEIGHT } from './conversation-row';
import type { ConversationRow } from './conversation-rows';
import { type FooterState, ListFooter } from './list-footer';
import { useScrollMemory } from './use-scroll-memory';

/** Rows rendered beyond each edge of the viewport, so a short scroll or an arrow key finds them ready. */
const OVERSCAN = 6;
const rowHeight = () => ROW_HEIGHT;

interface Props {
  accountId: string;
  rows: readonly ConversationRow[];
  selectedId: string | null;
  now: number;
  footer: FooterState;
  /** Changes when the filter changes: the list then starts again from the top. */
  resetKey: string;
}

/** The rows, virtualised, with roving focus (arrows, Home, End) and infinite loading at the end. */
export function VirtualConversationList({ accountId, rows, selectedId, now, footer, resetKey }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  const pendingFocus = useRef<number | null>(null);
  const initialScrollTop = useScrollMemory(accountId, scroller);

  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    getItemKey,
    overscan: OVERSCAN,
    initialOffset: initialScrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const firstRendered = items[0]?.index ?? 0;
  const lastRendered = items.at(-1)?.index ?? -1;

  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1);
  // One row is reachable by Tab: the active one while it is rendered, else the first one in view.
  const tabbableIndex =
    activeIndex >= firstRendered && activeIndex <= lastRendered
      ? activeIndex
      : Math.min(virtualizer.range?.startIndex ?? firstRendered, rows.length - 1);

  const rowElement = (index: number) =>
    scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`) ?? null;

  const focusPending = useCallback(() => {
    if (pendingFocus.current === null) return;
    const element = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  }, []);
  // A row that was asked for focus while off screen gets it once the list has scrolled to it and renders it.
  useEffect(focusPending);

  function moveFocus(index: number) {
    const row = rows[index];
    if (!row) return;
    setActiveId(row.id);
    const element = rowElement(index);
    if (element) {
      element.focus();
      return;
    }
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const from = Number((event.target as HTMLElement).dataset.rowIndex);
    if (!Number.isInteger(from)) return;
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    moveFocus(Math.max(0, Math.min(rows.length - 1, to)));
  }

  // Follow the open conversation (Alt+↑/↓, the quick switcher, a link): make it the active row and show it, once.
  // Not while the list is hidden (narrow screens): it then comes back where the reader left it.
  const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
  const shownSelection = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === null || selectedIndex < 0 || shownSelection.current === selectedId) return;
    shownSelection.current = selectedId;
    setActiveId(selectedId);
    if (scroller.current?.clientHeight) virtualizer.scrollToIndex(selectedIndex);
  }, [selectedId, selectedIndex, virtualizer]);

  const firstReset = useRef(true);
  useEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  // Infinite loading: the next page is asked for once the last row is rendered (in view or nearly).
  const { hasNextPage, isFetchingNextPage, nextPageError, onLoadMore } = footer;
  const endRendered = rows.length > 0 && lastRendered === rows.length - 1;
  useEffect(() => {
    if (endRendered && hasNextPage && !isFetchingNextPage && !nextPageError) onLoadMore();
  }, [endRendered, hasNextPage, isFetchingNextPage, nextPageError, onLoadMore]);

  // After "Load more", focus goes on to the first new row, so a keyboard user carries on from there.
  const focusAfterLoad = useRef<number | null>(null);
  useEffect(() => {
    const first = focusAfterLoad.current;
    if (first === null || rows.length <= first) return;
    focusAfterLoad.current = null;
    // Still on the footer's button, or lost with it when the last page came (the button then goes).
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (lost || (scroller.current?.contains(focused) && !focused.hasAttribute('data-row-index'))) moveFocus(first);
  });
  const footerState = useMemo(
    () => ({
      ...footer,
      onLoadMore: () => {
        focusAfterLoad.current = rows.length;
        onLoadMore();
      },
    }),
    [footer, onLoadMore, rows.length],
  );

  return (
    <div
      ref={scroller}
      // e2e/conversations.spec.ts finds the list's scroll element by this attribute.
      data-list-scroller="true"
      tabIndex={-1}
      className="min-h-0 flex-1 overflow-y-auto overscroll-contain"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const index = Number(event.target.dataset.rowIndex);
        if (Number.isInteger(index) && rows[index]) setActiveId(rows[index].id);
      }}
    >
      <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="absolute top-0 left-0 w-full"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <ConversationRowLink
                accountId={accountId}
                row={row}
                index={item.index}
                selected={row.id === selectedId}
                tabbable={item.index === tabbableIndex}
                now={now}
              />
            </div>
          );
        })}
      </div>
      <ListFooter state={footerState} />
    </div>
  );
}
