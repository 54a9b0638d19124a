import { type RefObject, useEffect, useState } from 'react';
import { recallList, rememberList } from './list-memory';

/**
 * Keeps the list's scroll position: across a remount (a visit to another page) through the list
 * memory, and across being hidden (narrow screens show one pane at a time) by scrolling back when
 * it shows again, as the browser resets the scroll position of an element that is not displayed.
 *
 * Returns where the list should start; `scroller` is the list's scroll element.
 */
export function useScrollMemory(accountId: string, scroller: RefObject<HTMLElement | null>): number {
  const [initialScrollTop] = useState(() => recallList(accountId).scrollTop);

  useEffect(() => {
    const element = scroller.current;
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
            if (hidden && !nowHidden && Math.abs(element.scrollTop - saved) > 1) element.scrollTop = saved;
            hidden = nowHidden;
          });
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [accountId, scroller]);

  return initialScrollTop;
}
