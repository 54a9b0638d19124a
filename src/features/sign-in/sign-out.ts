import { signOut } from '../../api/session';

/** Keys of this browser's inbox state that belong to the person, not to the device (the theme stays). */
const KEPT_KEYS = new Set(['inbox:theme', 'inbox:sign-in-name']);

/**
 * Signs out and leaves the page: drafts, unsent messages, the last account and the kept cache are the signed-in
 * person's, so they are not left behind for whoever signs in next on this browser.
 */
export async function signOutAndLeave(): Promise<void> {
  const next = await signOut();
  try {
    for (const key of Object.keys(globalThis.localStorage ?? {})) {
      if (key.startsWith('inbox:') && !KEPT_KEYS.has(key)) globalThis.localStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was kept there either.
  }
  // The kept copy of what the person read (the cache shown offline and at a return) goes too.
  await import('../../api/persisted-cache').then((cache) => cache.deletePersistedCaches()).catch(() => undefined);
  window.location.assign(next);
}
