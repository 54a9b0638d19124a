import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { liveStatus, onLiveArrivals } from '../../api/live';
import { fetchMessagesSince, mergeMessages } from '../../api/messages';

export const POLL_INTERVAL_MS = 4_000;

/**
 * New messages of the open conversation: pushed by the server's event stream while it is open; while it is not,
 * asked for every few seconds (messages updated since the newest one on screen) while the tab is visible, and at
 * once when it becomes visible again. Either way they go into the thread's cache and `onArrived` hears how many.
 */
export function useMessagePolling(
  accountId: string,
  conversationId: string,
  newestAt: string | null,
  onArrived: (count: number) => void,
) {
  const queryClient = useQueryClient();
  const since = useRef(newestAt);
  since.current = newestAt && (!since.current || newestAt > since.current) ? newestAt : since.current;
  const arrived = useRef(onArrived);
  arrived.current = onArrived;

  const loaded = newestAt !== null;
  useEffect(() => {
    if (!loaded) return;
    let stopped = false;
    let running: AbortController | null = null;
    async function poll() {
      if (stopped || document.hidden || running || !since.current || liveStatus() === 'open') return;
      running = new AbortController();
      try {
        const messages = await fetchMessagesSince(accountId, conversationId, since.current, running.signal);
        if (stopped || messages.length === 0) return;
        const newest = messages.reduce(
          (max, m) => ((m.updated_at ?? '') > max ? (m.updated_at ?? '') : max),
          since.current,
        );
        since.current = newest;
        const count = mergeMessages(queryClient, accountId, conversationId, messages);
        if (count > 0) arrived.current(count);
      } catch {
        // A missed poll is retried at the next tick.
      } finally {
        running = null;
      }
    }
    const stopArrivals = onLiveArrivals(accountId, conversationId, (count) => arrived.current(count));
    const timer = window.setInterval(poll, POLL_INTERVAL_MS);
    const onVisible = () => void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      stopArrivals();
      running?.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // Polling starts once the first page is there; `since` advances through the ref, not the effect.
  }, [accountId, conversationId, loaded, queryClient]);
}
