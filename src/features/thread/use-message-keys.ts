import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from 'react';
import type { ScrollToIndex, ThreadItem } from './thread-items';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

const visible = (element: HTMLElement) => element.getClientRects().length > 0;
const controlsOf = (row: Element) => [...row.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(visible);
/** A mounted message's row, the element that takes the focus. */
export const articleOf = (id: string) =>
  document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"] > article`);

/** The first element the Tab key reaches after `root` in the page. */
function nextAfter(root: HTMLElement): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
    (element) =>
      visible(element) &&
      !root.contains(element) &&
      root.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

/**
 * The thread is one Tab stop, however many messages are mounted: Tab from the message area (or from the last control
 * of a message) goes on to what follows, the message box; ↑/↓ move from message to message, and Tab then reaches that
 * message's own controls. Coming back with Shift+Tab lands on the message area, not on the newest message's last link.
 */
export function useMessageKeys(
  items: readonly ThreadItem[],
  scroller: RefObject<HTMLElement | null>,
  scrollToIndex: ScrollToIndex,
) {
  const tabbedAt = useRef(0);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Tab') tabbedAt.current = performance.now();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const focusMessage = useCallback(
    (index: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, index))];
      if (!item) return;
      const shown = articleOf(item.id);
      if (shown) {
        shown.focus({ preventScroll: true });
        shown.scrollIntoView({ block: 'nearest' });
        return;
      }
      // Not mounted yet: brought into view first, then focused once it renders.
      scrollToIndex(index, 'auto');
      requestAnimationFrame(() => requestAnimationFrame(() => articleOf(item.id)?.focus({ preventScroll: true })));
    },
    [items, scrollToIndex],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      const log = scroller.current;
      const row = target.closest('[data-message-id]');
      const onLog = target === log;
      if (!onLog && !row) return;
      if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        if (!onLog && target.tagName !== 'ARTICLE') return;
        event.preventDefault();
        const step = event.key === 'ArrowUp' ? -1 : 1;
        if (onLog && log) {
          // From the area itself: the newest message wholly in view.
          const bottom = log.getBoundingClientRect().bottom;
          const inView = [...log.querySelectorAll<HTMLElement>('[data-message-id] > article')].filter(
            (article) => article.getBoundingClientRect().bottom <= bottom + 1,
          );
          const id = inView.at(-1)?.parentElement?.getAttribute('data-message-id');
          focusMessage(id ? items.findIndex((item) => item.id === id) : items.length - 1);
          return;
        }
        const id = row!.getAttribute('data-message-id');
        focusMessage(items.findIndex((item) => item.id === id) + step);
        return;
      }
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      const controls = row ? controlsOf(row) : [];
      const last = onLog || (target.tagName === 'ARTICLE' ? controls.length === 0 : target === controls.at(-1));
      if (!event.shiftKey && last && log) {
        const next = nextAfter(log);
        if (next) {
          event.preventDefault();
          next.focus();
        }
      } else if (event.shiftKey && row && (target.tagName === 'ARTICLE' || target === controls[0]) && log) {
        event.preventDefault();
        log.focus({ preventScroll: true });
      }
    },
    [scroller, items, focusMessage],
  );

  /** Reached with Shift+Tab from below: the message area takes the focus, not the last control of the newest message. */
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const from = event.relatedTarget as Node | null;
      const log = scroller.current;
      if (!log || event.target === log || !log.contains(event.target) || performance.now() - tabbedAt.current > 200)
        return;
      if (from && !log.contains(from) && log.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) {
        log.focus({ preventScroll: true });
      }
    },
    [scroller],
  );

  return { onKeyDown, onFocus };
}
