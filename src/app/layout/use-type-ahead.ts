import { useCallback, useEffect, useRef } from 'react';

/** How long keys are kept for a dialog that has not shown its field yet. */
const KEEP_MS = 5_000;

/** Puts text into a field the way typing does, so that React sees it. */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  setter?.call(field, field.value + text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Keys typed between a shortcut and the moment its dialog's first field has focus (while the dialog's code loads)
 * are kept, and given to that field, instead of reaching the page, where they would fire other shortcuts. The
 * answer starts keeping them.
 */
export function useTypeAhead(): () => void {
  const kept = useRef<{ text: string; until: number } | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const ahead = kept.current;
      if (!ahead) return;
      if (Date.now() > ahead.until) {
        kept.current = null;
        return;
      }
      if ((event.target as Element | null)?.closest?.('[role="dialog"]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length === 1) ahead.text += event.key;
      else if (event.key === 'Backspace') ahead.text = ahead.text.slice(0, -1);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    function onFocusIn(event: FocusEvent) {
      const ahead = kept.current;
      const field = event.target;
      if (!ahead || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      if (!field.closest('[role="dialog"]')) return;
      kept.current = null;
      if (ahead.text) typeInto(field, ahead.text);
    }
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);

  return useCallback(() => {
    // Focus already in a field of a dialog that is open: nothing to keep.
    if (document.activeElement?.closest('[role="dialog"]')) return;
    kept.current = { text: '', until: Date.now() + KEEP_MS };
  }, []);
}
