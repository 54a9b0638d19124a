import { useState } from 'react';
import type { Session } from '../../api/session';
import { Button } from '../../components/ui/button';
import { SignInCard } from './sign-in-card';
import { signOutAndLeave } from './sign-out';

/** Signed in, but in no tenant this inbox serves: said plainly, with a way out, instead of an empty inbox. */
export function NoAccessPage({ person }: { person: NonNullable<Session['person']> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <SignInCard title="No access to this inbox yet">
      <p className="mb-2 text-[13px] text-neutral-700 dark:text-neutral-200">
        You are signed in as <strong>{person.name}</strong>
        {person.email && person.email !== person.name ? <> ({person.email})</> : null}, but your account does not belong
        to any organisation whose messages this inbox shows.
      </p>
      <p className="mb-4 text-[13px] text-neutral-600 dark:text-neutral-400">
        Ask the person who runs the inbox to add you, then sign in again.
      </p>
      {error ? (
        <p role="alert" className="mb-3 text-[13px] text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button
        variant="secondary"
        className="w-full"
        autoFocus
        onClick={() => signOutAndLeave().catch((failure: unknown) => setError(String((failure as Error).message)))}
      >
        Sign out
      </Button>
    </SignInCard>
  );
}
