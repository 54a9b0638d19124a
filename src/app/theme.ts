import { useEffect, useSyncExternalStore } from 'react';
import { readLocal, writeLocal } from '../lib/local-store';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'inbox:theme';
const listeners = new Set<() => void>();
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The browser's own bars (index.html's theme-color, one per system scheme) in the colours of the chosen theme. */
const BAR_COLOURS = { light: '#f5f5f5', dark: '#171717' } as const;

function apply(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && media().matches);
  document.documentElement.classList.toggle('dark', dark);
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const scheme = (meta.getAttribute('media') ?? '').includes('dark') ? 'dark' : 'light';
    meta.content = BAR_COLOURS[choice === 'system' ? scheme : choice];
  }
}

export function applyStoredTheme(): void {
  apply(readLocal<ThemeChoice>(KEY, 'system'));
}

export function setTheme(choice: ThemeChoice): void {
  writeLocal(KEY, choice);
  apply(choice);
  for (const listener of listeners) listener();
}

/** The person's theme choice; the page follows the system unless they chose light or dark. */
export function useTheme(): ThemeChoice {
  const choice = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => readLocal<ThemeChoice>(KEY, 'system'),
  );
  useEffect(() => {
    if (choice !== 'system') return;
    const query = media();
    const onChange = () => apply('system');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [choice]);
  return choice;
}
