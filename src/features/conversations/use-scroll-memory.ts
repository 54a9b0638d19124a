import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { VirtuosoHandle } from 'react-virtuoso';
import { recallList, rememberList } from './list-memory';

/**
 * Keeps the list's scroll position: across a remount (a visit to another page) through the list
 * memory, and across being hidden (narrow screens show one pane at a time) by scrolling back when
 * it shows again, should the browser or the virtual list have reset it meanwhile.
 */
export function useScrollMemory(accountId: string, virtuoso: RefObject<VirtuosoHandle | null>) {
  const [initialScrollTop] = useState(() => recallList(accountId).scrollTop);
  const detach = useRef<(() => void) | null>(null);

  const attachScroller = useCallback(
    (element: HTMLElement | null) => {
      detach.current?.();
      detach.current = null;
      if (!element) return;
      let saved = recallList(accountId).scrollTop;
      let hidden = element.clientHeight === 0;
      const onScroll = () => {
        if (element.clientHeight === 0) return;
        saved = element.scrollTop;
        rememberList(accountId, { scrollTop: saved });
      };
      element.addEventListener('scroll', onScroll, { passive: true });
      const observer =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => {
              const nowHidden = element.clientHeight === 0;
              if (hidden && !nowHidden && Math.abs(element.scrollTop - saved) > 1)
                virtuoso.current?.scrollTo({ top: saved });
              hidden = nowHidden;
            });
      observer?.observe(element);
      detach.current = () => {
        element.removeEventListener('scroll', onScroll);
        observer?.disconnect();
      };
    },
    [accountId, virtuoso],
  );

  useEffect(() => () => detach.current?.(), []);
  return { initialScrollTop, attachScroller };
}
