import { type RefObject, useEffect } from 'react';
import { type FindMatch, foldWithMap, occurrencesIn } from './find-matches';

/** Whether the browser can highlight text ranges without touching the DOM (the CSS Custom Highlight API). */
export const canHighlight = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The ranges of a mounted message body where the needle occurs, in its text order. */
function rangesIn(body: Element, needle: string): Range[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const at = (offset: number, end: boolean) => {
    let i = nodes.length - 1;
    // An end on a boundary belongs to the node before it.
    while (i > 0 && (end ? starts[i]! >= offset : starts[i]! > offset)) i--;
    return [nodes[i]!, offset - starts[i]!] as const;
  };
  return occurrencesIn(foldWithMap(text), needle).map(([start, end]) => {
    const range = document.createRange();
    range.setStart(...at(start, false));
    range.setEnd(...at(end, true));
    return range;
  });
}

/**
 * Highlights every occurrence of the needle in the thread's mounted messages, the current one distinctly, and again
 * whenever rows mount or change as the list scrolls. Answers nothing: the page's highlight registry holds the ranges.
 */
export function useFindHighlights(
  root: RefObject<HTMLElement | null>,
  needle: string,
  current: FindMatch | null,
  reveal: number,
) {
  useEffect(() => {
    const element = root.current;
    if (!element || !needle || !canHighlight()) return;
    let frame = 0;
    let revealPending = reveal > 0;
    const apply = () => {
      frame = 0;
      const others: Range[] = [];
      let mine: Range | null = null;
      for (const row of element.querySelectorAll('[data-message-id]')) {
        const body = row.querySelector('.message-body');
        if (!body) continue;
        const ranges = rangesIn(body, needle);
        const id = row.getAttribute('data-message-id');
        ranges.forEach((range, index) => {
          if (current && id === current.messageId && index === Math.min(current.occurrence, ranges.length - 1))
            mine = range;
          else others.push(range);
        });
      }
      CSS.highlights.set('find-match', new Highlight(...others));
      CSS.highlights.set('find-current', mine ? new Highlight(mine) : new Highlight());
      const log = element.querySelector('[role="log"]');
      if (revealPending && mine && log) {
        revealPending = false;
        const box = log.getBoundingClientRect();
        const rect = (mine as Range).getBoundingClientRect();
        if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
          log.scrollTop += rect.top - box.top - box.height / 2 + rect.height / 2;
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(apply);
    };
    apply();
    const observer = new MutationObserver(schedule);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      CSS.highlights.delete('find-match');
      CSS.highlights.delete('find-current');
    };
  }, [root, needle, current, reveal]);
}
