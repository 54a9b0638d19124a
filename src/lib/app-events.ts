/** App-wide dialogs that a button, a key or another screen can open, without knowing each other. */
export type DialogName = 'shortcuts' | 'quick-switcher' | 'compose' | 'new-conversation';

/** Who a compose dialog opens addressed to. */
export interface ComposeTarget {
  kind: 'conversation' | 'user';
  id: string;
  label: string;
  detail: string;
}

const target = new EventTarget();

export function openDialog(name: DialogName, detail?: ComposeTarget): void {
  target.dispatchEvent(new CustomEvent(name, { detail }));
}

export function onOpenDialog(name: DialogName, handler: (detail?: ComposeTarget) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<ComposeTarget | undefined>).detail);
  target.addEventListener(name, listener);
  return () => target.removeEventListener(name, listener);
}
