const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A shortcut as this computer writes it: "⌘B" on a Mac, "Ctrl+B" elsewhere. */
export const shortcutLabel = (key: string, shift = false) =>
  isMac ? `${shift ? '⇧' : ''}⌘${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
