import { useId, useRef, useState } from 'react';
import type { Session } from '../../api/session';
import { Avatar } from '../../components/ui/avatar';
import { Button } from '../../components/ui/button';
import { signOutAndLeave } from './sign-out';

/** Who is signed in, in the rail: their initials open a small panel with their name and Sign out. */
export function SignedInMenu({ person }: { person: NonNullable<Session['person']> }) {
  const panelId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  /** Beside the button in the left rail, below it in the top bar; always inside the window. */
  function place(button: HTMLElement) {
    const element = panel.current;
    if (!element) return;
    const rect = button.getBoundingClientRect();
    const width = 256;
    const beside = rect.left < 120 && window.innerWidth >= 768;
    const left = beside ? rect.right + 8 : Math.min(rect.left, window.innerWidth - width - 8);
    const top = beside ? Math.max(8, rect.bottom - 140) : rect.bottom + 6;
    element.style.left = `${Math.max(8, left)}px`;
    element.style.top = `${top}px`;
  }

  function leave() {
    setBusy(true);
    signOutAndLeave().catch((failure: unknown) => {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : 'Could not sign out');
    });
  }

  return (
    <>
      <button
        type="button"
        popoverTarget={panelId}
        aria-label={`Signed in as ${person.name}`}
        title={`Signed in as ${person.name}`}
        className="rounded-md p-1.5 hover:bg-neutral-200 dark:hover:bg-neutral-800"
        onClick={(event) => place(event.currentTarget)}
      >
        <Avatar id={person.email ?? person.name} name={person.name} size={24} />
      </button>
      <div
        id={panelId}
        ref={panel}
        popover="auto"
        role="dialog"
        aria-label="Signed in"
        className="fixed m-0 w-64 rounded-lg border border-neutral-200 bg-white p-3 text-left shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
        style={{ inset: 'auto' }}
      >
        <div className="flex items-center gap-2.5">
          <Avatar id={person.email ?? person.name} name={person.name} size={36} />
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-neutral-900 dark:text-neutral-50">{person.name}</p>
            <p className="truncate text-[12px] text-neutral-600 dark:text-neutral-400">
              {person.email ?? 'Team password'}
            </p>
          </div>
        </div>
        {error ? (
          <p role="alert" className="mt-2 text-[12px] text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <Button variant="secondary" size="sm" className="mt-3 w-full" disabled={busy} onClick={leave}>
          {busy ? 'Signing out…' : 'Sign out'}
        </Button>
      </div>
    </>
  );
}
