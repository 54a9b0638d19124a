import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { cacheOwnerOf, getSession } from '../api/session';

/**
 * Before the first render: the signed-in person's kept cache, so that a reload or a return shows the last screen at
 * once, then refreshes it. Offline, the session cannot be asked for: the cache this browser holds is shown, as it was.
 */
export async function restoreLastScreen(queryClient: QueryClient): Promise<void> {
  const online = globalThis.navigator?.onLine !== false;
  // Reads wait for the connection instead of failing while it is away.
  onlineManager.setOnline(online);
  const [cache, session] = await Promise.all([
    import('../api/persisted-cache').catch(() => null),
    online ? getSession().catch(() => null) : Promise.resolve(null),
  ]);
  await cache?.restoreAndPersist(queryClient, session, cacheOwnerOf).catch(() => undefined);
}

/** The service worker (app shell for offline use and quick returns), registered once the page has painted. */
export function registerServiceWorkerLater(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void import('./service-worker').then((m) => m.registerServiceWorker());
  if (document.readyState === 'complete') setTimeout(register, 0);
  else window.addEventListener('load', register, { once: true });
}
