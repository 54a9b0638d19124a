import { useEffect } from 'react';

/** A Radix dialog (quick switcher, shortcuts help…) is open and owns Escape. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !== null;
}

/**
 * Escape anywhere on the page closes the panel while it is open, unless a dialog is open or
 * someone else already handled the key (a composer or a menu calls preventDefault).
 */
export function useEscapeToClose(onClose: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || dialogOpen()) return;
      event.preventDefault();
      onClose();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
}
