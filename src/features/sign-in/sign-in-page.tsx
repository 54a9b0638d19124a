import { type FormEvent, useEffect, useRef, useState } from 'react';
import { signInUrl, signInWithPassword } from '../../api/session';
import { Button } from '../../components/ui/button';
import { readLocal, writeLocal } from '../../lib/local-store';
import { SignInCard } from './sign-in-card';

const NAME_KEY = 'inbox:sign-in-name';

const fieldClass =
  'h-9 w-full rounded-md border border-neutral-300 bg-white px-2.5 text-sm text-neutral-900 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-50';

function Problem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="mb-3 rounded-md bg-red-50 px-3 py-2 text-[13px] text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </p>
  );
}

/** The team's shared password, and the name to show for this person. */
function PasswordForm({ ended }: { ended: boolean }) {
  const [name, setName] = useState(() => readLocal(NAME_KEY, ''));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(ended ? 'Your session ended: sign in again.' : null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError('Type the team password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      writeLocal(NAME_KEY, name.trim());
      await signInWithPassword(password, name);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not sign in');
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Problem message={error} />
      <label
        className="mb-1 block text-[13px] font-medium text-neutral-700 dark:text-neutral-200"
        htmlFor="sign-in-name"
      >
        Your name
      </label>
      <input
        id="sign-in-name"
        className={fieldClass}
        autoComplete="name"
        value={name}
        maxLength={80}
        onChange={(event) => setName(event.target.value)}
        aria-describedby="sign-in-name-hint"
      />
      <p id="sign-in-name-hint" className="mt-1 mb-3 text-[12px] text-neutral-600 dark:text-neutral-400">
        Shown as who is signed in on this browser.
      </p>
      <label
        className="mb-1 block text-[13px] font-medium text-neutral-700 dark:text-neutral-200"
        htmlFor="sign-in-password"
      >
        Team password
      </label>
      <input
        id="sign-in-password"
        className={fieldClass}
        type="password"
        autoComplete="current-password"
        // The password is what a returning person types first.
        autoFocus
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button type="submit" variant="primary" className="mt-4 w-full" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

/** Sign-in through the organisation's identity provider, coming back to the page the person asked for. */
function SingleSignOn({ ended, error }: { ended: boolean; error: string | null }) {
  const returnTo = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  const link = useRef<HTMLAnchorElement>(null);
  // The one thing to do on this page; React's autoFocus covers form fields only.
  useEffect(() => link.current?.focus(), []);
  return (
    <>
      <Problem message={error ?? (ended ? 'Your session ended: sign in again.' : null)} />
      <p className="mb-4 text-[13px] text-neutral-600 dark:text-neutral-400">
        Sign in with your organisation&apos;s account to see your team&apos;s conversations.
      </p>
      <a
        ref={link}
        href={signInUrl(returnTo)}
        className="inline-flex h-9 w-full items-center justify-center rounded-md bg-accent-600 px-3 text-sm font-medium text-white hover:bg-accent-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-neutral-900"
      >
        Continue with single sign-on
      </a>
    </>
  );
}

export function SignInPage({
  auth,
  ended,
  error,
}: {
  auth: 'password' | 'oidc';
  ended: boolean;
  error: string | null;
}) {
  return (
    <SignInCard title="Sign in to the inbox">
      {auth === 'password' ? <PasswordForm ended={ended} /> : <SingleSignOn ended={ended} error={error} />}
    </SignInCard>
  );
}
