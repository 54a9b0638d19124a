/** App-wide dialogs that a button, a key or another screen can open, without knowing each other. */
export type DialogName = 'shortcuts' | 'quick-switcher' | 'compose' | 'new-conversation';

/** Who a compose dialog opens addressed to. */
export interface ComposeTarget {
  kind: 'conversation' | 'user';
  id: string;
  label: string;
  detail: string;
}

/** Who a new conversation opens with already picked ("Start a group" from a conversation or the directory). */
export interface GroupTarget {
  people: string[];
}

export type DialogDetail = ComposeTarget | GroupTarget;

const target = new EventTarget();

export function openDialog(name: DialogName, detail?: DialogDetail): void {
  target.dispatchEvent(new CustomEvent(name, { detail }));
}

export function onOpenDialog(name: DialogName, handler: (detail?: DialogDetail) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<DialogDetail | undefined>).detail);
  target.addEventListener(name, listener);
  return () => target.removeEventListener(name, listener);
}

let composerFocusAskedAt = 0;

/**
 * The person goes to a conversation to write in it (from the quick switcher, or after sending from compose): its
 * message box takes the focus, whether it is on screen already or about to be.
 */
export function focusComposer(): void {
  composerFocusAskedAt = Date.now();
  target.dispatchEvent(new Event('focus-composer'));
}

export function onFocusComposer(handler: () => void): () => void {
  target.addEventListener('focus-composer', handler);
  return () => target.removeEventListener('focus-composer', handler);
}

/** Whether a message box about to show was asked to take the focus (the ask is used up). */
export function takeComposerFocus(): boolean {
  const asked = Date.now() - composerFocusAskedAt < 2_000;
  composerFocusAskedAt = 0;
  return asked;
}
