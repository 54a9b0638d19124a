import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { cacheOwnerOf, getSession, keptCacheOwner } from '../api/session';
import { whenFirstScreenDone } from './when-settled';

/**
 * Before the inbox's first render: the signed-in person's kept cache, so that a reload or a return shows the last
 * screen at once, then refreshes it. Offline, the session cannot be asked for: the cache this browser holds is shown,
 * as it was. A browser that keeps no one's cache has nothing to show sooner: its first reads wait for the session
 * only, not for IndexedDB (the cache starts being kept meanwhile).
 */
export async function restoreLastScreen(queryClient: QueryClient): Promise<void> {
  const online = globalThis.navigator?.onLine !== false;
  // Reads wait for the connection instead of failing while it is away.
  onlineManager.setOnline(online);
  const keptFor = keptCacheOwner();
  const session = online ? getSession().catch(() => null) : Promise.resolve(null);
  const restored = Promise.all([import('../api/persisted-cache').catch(() => null), session])
    .then(([cache, current]) => cache?.restoreAndPersist(queryClient, current, cacheOwnerOf))
    .catch(() => undefined);
  await (keptFor === null ? session : restored);
}

/** The service worker (app shell for offline use and quick returns), registered once the first screen is done. */
export function registerServiceWorkerLater(queryClient: QueryClient): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Its install downloads every chunk of the app: after the first screen, not beside its requests.
  void whenFirstScreenDone(queryClient).then(() => import('./service-worker').then((m) => m.registerServiceWorker()));
}
