/** App-wide dialogs that a button or a key can open, without the two knowing each other. */
type DialogName = 'shortcuts' | 'quick-switcher';
const target = new EventTarget();

export const openShortcutsHelp = () => target.dispatchEvent(new Event('shortcuts'));
export const openQuickSwitcher = () => target.dispatchEvent(new Event('quick-switcher'));

export function onOpenDialog(name: DialogName, handler: () => void): () => void {
  target.addEventListener(name, handler);
  return () => target.removeEventListener(name, handler);
}
