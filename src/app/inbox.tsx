import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { getSession, isSignedIn } from '../api/session';
import { preloadDialogs } from './layout/global-shortcuts';
import { createRouter, preloadRoutes } from './router';
import { SessionGate } from './session-gate';
import { nextIdle, whenFirstScreenDone } from './when-settled';

/**
 * The inbox behind the first paint: the router, its screens and the session gate. main.tsx loads this module beside
 * the session and the kept cache, and renders it once both are in.
 */
export function inboxApp(queryClient: QueryClient): ReactNode {
  const router = createRouter(queryClient);
  void preloadNextSteps(queryClient);
  return (
    <SessionGate>
      <RouterProvider router={router} useTransitions={false} />
    </SessionGate>
  );
}

/**
 * The code of a conversation, the directory and the dialogs, loaded ahead of their first use so a first click or key
 * is not slower: once the first screen is done, at the person's first move (pointer, key, touch) or a few seconds
 * later, whichever comes first, one chunk at a time in idle moments.
 */
async function preloadNextSteps(queryClient: QueryClient) {
  await whenFirstScreenDone(queryClient);
  const session = await getSession().catch(() => null);
  if (session === null || !isSignedIn(session)) return;
  await firstMoveOr(PRELOAD_AFTER_MS);
  for (const load of [...preloadRoutes, ...preloadDialogs]) {
    await nextIdle();
    await load().catch(() => undefined);
  }
}

const PRELOAD_AFTER_MS = 3_000;

function firstMoveOr(ms: number): Promise<void> {
  const events = ['pointermove', 'pointerdown', 'keydown', 'touchstart', 'focusin'] as const;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, done, true);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const name of events) window.addEventListener(name, done, { capture: true, passive: true });
  });
}
