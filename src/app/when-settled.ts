import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

type IdleScheduler = (callback: () => void, options?: { timeout: number }) => number;

/** The browser's next idle moment (at most `timeoutMs` away); a short timer where it has no idle callback. */
export function nextIdle(timeoutMs = 2_000): Promise<void> {
  const idle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  return new Promise((resolve) => {
    if (idle) idle(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 200);
  });
}

function loaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function notFetching(queryClient: QueryClient): Promise<void> {
  if (queryClient.isFetching() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      stop();
      resolve();
    });
  });
}

/**
 * Resolves once the first screen is done: the page loaded, no read in flight, and the browser idle. Work that the
 * first screen does not need (the service worker, code for the next likely steps) waits for it, so it never competes
 * with what the person is waiting to see. After `giveUpMs` it resolves anyway (a screen that keeps reading).
 */
export async function whenSettled(queryClient: QueryClient, giveUpMs = 15_000): Promise<void> {
  const deadline = Date.now() + giveUpMs;
  const late = new Promise<void>((resolve) => setTimeout(resolve, giveUpMs));
  await Promise.race([loaded(), late]);
  // One read often starts the next (accounts, then conversations, then names): quiet must hold across an idle moment.
  while (Date.now() < deadline) {
    await Promise.race([notFetching(queryClient), late]);
    await nextIdle();
    if (queryClient.isFetching() === 0) return;
  }
}

let firstScreen: Promise<void> | null = null;
let firstScreenDone = false;

/** Once the page's first screen is done (see whenSettled); the same moment for every caller. */
export function whenFirstScreenDone(queryClient: QueryClient): Promise<void> {
  firstScreen ??= whenSettled(queryClient).then(() => {
    firstScreenDone = true;
  });
  return firstScreen;
}

/** False until the page's first screen is done: for reads and work that should not compete with it. */
export function useFirstScreenDone(): boolean {
  const queryClient = useQueryClient();
  const [done, setDone] = useState(firstScreenDone);
  useEffect(() => {
    if (done) return;
    let mounted = true;
    void whenFirstScreenDone(queryClient).then(() => mounted && setDone(true));
    return () => {
      mounted = false;
    };
  }, [done, queryClient]);
  return done;
}
