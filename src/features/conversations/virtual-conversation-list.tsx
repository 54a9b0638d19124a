import {
  type ComponentProps,
  type KeyboardEvent,
  forwardRef,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Components, type ListRange, Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { ConversationRowLink, ROW_HEIGHT } from './conversation-row';
import type { ConversationRow } from './conversation-rows';
import { type FooterState, ListFooter } from './list-footer';
import { useScrollMemory } from './use-scroll-memory';

interface ListContext {
  footer: FooterState;
  total: number;
}

const components: Components<ConversationRow, ListContext> = {
  List: forwardRef<HTMLDivElement, ComponentProps<'div'>>(function List({ style, children }, ref) {
    return (
      <div ref={ref} style={style} role="list" className="pt-1">
        {children}
      </div>
    );
  }),
  Item: ({ item: _item, context, children, ...props }) => (
    <div {...props} role="listitem" aria-setsize={context.total} aria-posinset={props['data-index'] + 1}>
      {children}
    </div>
  ),
  Footer: ({ context }) => <ListFooter state={context.footer} />,
};

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
  const virtuoso = useRef<VirtuosoHandle>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  const [range, setRange] = useState<ListRange>({ startIndex: 0, endIndex: 0 });
  const pendingFocus = useRef<number | null>(null);
  const { initialScrollTop, attachScroller } = useScrollMemory(accountId, virtuoso);

  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1);
  const tabbableIndex =
    activeIndex >= range.startIndex && activeIndex <= range.endIndex
      ? activeIndex
      : Math.min(range.startIndex, rows.length - 1);

  const onScroller = useCallback(
    (element: HTMLElement | Window | null) => attachScroller(element instanceof HTMLElement ? element : null),
    [attachScroller],
  );

  const rowElement = (index: number) =>
    wrapper.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`) ?? null;

  const focusPending = useCallback(() => {
    if (pendingFocus.current === null) return;
    const element = wrapper.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  }, []);
  // A row that was asked for focus while off screen gets it once the list renders it.
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
    virtuoso.current?.scrollIntoView({ index, done: () => requestAnimationFrame(focusPending) });
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
  const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
  const shownSelection = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === null || selectedIndex < 0 || shownSelection.current === selectedId) return;
    shownSelection.current = selectedId;
    setActiveId(selectedId);
    virtuoso.current?.scrollIntoView({ index: selectedIndex });
  }, [selectedId, selectedIndex]);

  const firstReset = useRef(true);
  useEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    virtuoso.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // After "Load more", focus goes on to the first new row, so a keyboard user carries on from there.
  const focusAfterLoad = useRef<number | null>(null);
  const { hasNextPage, isFetchingNextPage, nextPageError, onLoadMore } = footer;
  useEffect(() => {
    const first = focusAfterLoad.current;
    if (first === null || rows.length <= first) return;
    focusAfterLoad.current = null;
    if (wrapper.current?.contains(document.activeElement) && !document.activeElement?.hasAttribute('data-row-index'))
      moveFocus(first);
  });
  const context = useMemo(
    () => ({
      footer: {
        ...footer,
        onLoadMore: () => {
          focusAfterLoad.current = rows.length;
          onLoadMore();
        },
      },
      total: rows.length,
    }),
    [footer, onLoadMore, rows.length],
  );

  return (
    <div
      ref={wrapper}
      className="min-h-0 flex-1"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const index = Number(event.target.dataset.rowIndex);
        if (Number.isInteger(index) && rows[index]) setActiveId(rows[index].id);
      }}
    >
      <Virtuoso
        ref={virtuoso}
        scrollerRef={onScroller}
        tabIndex={-1}
        className="h-full overscroll-contain"
        data={rows}
        context={context}
        components={components}
        fixedItemHeight={ROW_HEIGHT}
        increaseViewportBy={{ top: ROW_HEIGHT * 4, bottom: ROW_HEIGHT * 8 }}
        initialScrollTop={initialScrollTop}
        computeItemKey={(_, row) => row.id}
        rangeChanged={setRange}
        endReached={() => {
          if (hasNextPage && !isFetchingNextPage && !nextPageError) onLoadMore();
        }}
        itemContent={(index, row) => (
          <ConversationRowLink
            accountId={accountId}
            row={row}
            index={index}
            selected={row.id === selectedId}
            tabbable={index === tabbableIndex}
            now={now}
          />
        )}
      />
    </div>
  );
}
