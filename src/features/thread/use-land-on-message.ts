import { type RefObject, useCallback, useEffect, useRef } from 'react';
import type { ScrollToIndex, ThreadItem } from './thread-items';
import { articleOf } from './use-message-keys';

/** How long a landing keeps its message in view while the rows around it are measured and older pages load. */
const SETTLE_FRAMES = 90;
const USER_INTENT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/** Whether the row is where the landing put it: wholly in view, and near the top or the middle as asked. */
function inPlace(scroller: HTMLElement, row: DOMRect, align: 'center' | 'start') {
  const view = scroller.getBoundingClientRect();
  if (row.top < view.top - 1 || row.top >= view.bottom) return false;
  if (row.height > view.height * 0.6) return true;
  if (row.bottom > view.bottom + 1) return false;
  // At either end of the list the row cannot be brought any further.
  const atEnd = scroller.scrollTop <= 0 || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
  if (atEnd) return true;
  if (align === 'start') return row.top - view.top < view.height / 4;
  const middle = (row.top + row.bottom) / 2 - view.top;
  return middle > view.height * 0.2 && middle < view.height * 0.8;
}

/**
 * Brings a loaded message into view and keeps it there. A far jump lands on estimated row heights; as the rows
 * around it are measured (and pages load above it) the message can drift out of view, so it is brought back over
 * the next frames, until the reader scrolls, clicks or types.
 */
export function useLandOnMessage(
  items: ThreadItem[],
  scrollToIndex: ScrollToIndex,
  scroller: RefObject<HTMLElement | null>,
) {
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const stopSettling = useRef<(() => void) | null>(null);
  useEffect(() => () => stopSettling.current?.(), []);

  return useCallback(
    (id: string, align: 'center' | 'start') => {
      const scrollTo = () => {
        const index = itemsRef.current.findIndex((item) => item.id === id);
        if (index >= 0) scrollToIndex(index, align);
        return index >= 0;
      };
      stopSettling.current?.();
      if (!scrollTo()) return false;

      let frame = 0;
      let frames = 0;
      let listening = false;
      const stop = () => {
        cancelAnimationFrame(frame);
        if (listening) for (const type of USER_INTENT) window.removeEventListener(type, stop, true);
        if (stopSettling.current === stop) stopSettling.current = null;
      };
      const check = () => {
        // Listened for from the next frame, so that the key or click that asked for the jump does not end it.
        if (!listening) {
          for (const type of USER_INTENT) window.addEventListener(type, stop, { capture: true, passive: true });
          listening = true;
        }
        const element = scroller.current;
        const row = articleOf(id)?.getBoundingClientRect();
        if (element && (!row || !inPlace(element, row, align))) scrollTo();
        if (++frames < SETTLE_FRAMES) frame = requestAnimationFrame(check);
        else stop();
      };
      frame = requestAnimationFrame(check);
      stopSettling.current = stop;
      return true;
    },
    [scrollToIndex, scroller],
  );
}
