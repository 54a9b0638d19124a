import { signOut } from '../../api/session';

/** Keys of this browser's inbox state that belong to the person, not to the device (the theme stays). */
const KEPT_KEYS = new Set(['inbox:theme', 'inbox:sign-in-name']);

/**
 * Signs out and leaves the page: drafts, unsent messages and the last account are the signed-in person's, so they
 * are not left behind for whoever signs in next on this browser.
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
  window.location.assign(next);
}
