import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { lastView, rememberedHeights, rememberHeights } from './row-heights';
import type { ThreadItem } from './thread-items';

/** Room above the first row (where "Loading older messages…" shows) and below the last. */
const HEADER_HEIGHT = 40;
const FOOTER_HEIGHT = 12;

/** A row's height before it is measured: close enough that a first open lands without a visible correction. */
function estimateHeight(item: ThreadItem): number {
  let height = item.startsGroup ? 64 : 28;
  if (item.startsDay) height += 37;
  if (item.message.attachments?.length) height += 76 * item.message.attachments.length;
  return height;
}

/**
 * The thread's virtualiser, placed for its first render: at the newest message, or with a permalink's message in the
 * middle. A conversation read before renders with its rows' measured heights, kept under `heightsKey` when it closes.
 */
export function useThreadVirtualizer(
  heightsKey: string,
  items: readonly ThreadItem[],
  initialMessageId: string | null,
  scroller: RefObject<HTMLDivElement | null>,
) {
  const [known] = useState(() => rememberedHeights(heightsKey, lastView().width));
  const estimateSize = useCallback(
    (index: number) => {
      const item = items[index]!;
      return known?.get(item.id) ?? estimateHeight(item);
    },
    [items, known],
  );
  // Only the first render's position matters.
  const [start] = useState(() => {
    const view = lastView().height;
    const target = initialMessageId ? items.findIndex((item) => item.id === initialMessageId) : -1;
    let top = HEADER_HEIGHT;
    for (let index = 0; index < (target >= 0 ? target : items.length); index++) top += estimateSize(index);
    const offset = target >= 0 ? top + estimateSize(target) / 2 - view / 2 : top + FOOTER_HEIGHT - view;
    return { offset: Math.max(0, offset), view };
  });
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey: (index) => items[index]!.id,
    paddingStart: HEADER_HEIGHT,
    paddingEnd: FOOTER_HEIGHT,
    overscan: 6,
    // Older pages prepended above keep the message in view where it is.
    anchorTo: 'end',
    initialOffset: start.offset,
    initialRect: { width: lastView().width, height: start.view },
  });
  useEffect(
    () => () => {
      const element = scroller.current;
      if (element) rememberHeights(heightsKey, element.clientWidth, virtualizer.itemSizeCache);
    },
    [heightsKey, virtualizer, scroller],
  );
  return virtualizer;
}
