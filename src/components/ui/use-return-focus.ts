import { useEffect, useState } from 'react';

/**
 * Gives the focus back to whatever had it when the calling component mounted, once it unmounts and
 * the focus is left on nothing. Radix returns focus only to a `Dialog.Trigger`, and the app's dialogs
 * are opened from buttons and keys without one.
 */
export function useReturnFocus() {
  // Read during the first render, before the dialog moves the focus inside it.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  useEffect(
    () => () => {
      // After the dialog's own focus handling, which also waits a tick.
      setTimeout(() => {
        const active = document.activeElement;
        const lost = !active || active === document.body;
        if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
      }, 0);
    },
    [opener],
  );
}
