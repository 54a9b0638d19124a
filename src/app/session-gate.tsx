import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import { isSignedIn, sessionQueries } from '../api/session';
import { ErrorState } from '../components/ui/states';
import { InboxShell } from './layout/inbox-frame';

// Loaded only for someone who is not in (yet): the signed-in inbox's first screen does without them.
const NoAccessPage = lazy(() =>
  import('../features/sign-in/no-access-page').then((m) => ({ default: m.NoAccessPage })),
);
const SignInPage = lazy(() => import('../features/sign-in/sign-in-page').then((m) => ({ default: m.SignInPage })));

/** A sign-in failure the server sent the browser back with; read once, then taken out of the address bar. */
function takeSignInError(): string | null {
  const url = new URL(window.location.href);
  const error = url.searchParams.get('sign_in_error');
  if (error === null) return null;
  url.searchParams.delete('sign_in_error');
  window.history.replaceState(window.history.state, '', url);
  return error.slice(0, 300);
}

/** The inbox once the person may use it; before that, sign-in or "no access", never an empty inbox. */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQueries.current());
  const [signInError] = useState(takeSignInError);
  // Someone who was in the inbox and is now signed out had their session end under them.
  const wasIn = useRef(false);

  // The first paint's frame, until the session says who this is.
  const loading = <InboxShell />;
  if (session.isPending) return loading;
  if (session.isError) {
    return (
      <main className="flex h-full">
        <ErrorState
          title="Could not reach the inbox server"
          message={errorMessage(session.error)}
          onRetry={() => void session.refetch()}
        />
      </main>
    );
  }
  const current = session.data;
  if (!isSignedIn(current) && current.auth !== 'none') {
    return (
      <Suspense fallback={loading}>
        <SignInPage auth={current.auth} ended={wasIn.current} error={signInError} />
      </Suspense>
    );
  }
  if (current.access === 'none' && current.person) {
    return (
      <Suspense fallback={loading}>
        <NoAccessPage person={current.person} />
      </Suspense>
    );
  }
  wasIn.current = true;
  return children;
}
