import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { errorMessage } from '../api/errors';
import { isSignedIn, sessionQueries } from '../api/session';
import { ErrorState, SkeletonRows } from '../components/ui/states';
import { NoAccessPage } from '../features/sign-in/no-access-page';
import { SignInPage } from '../features/sign-in/sign-in-page';

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

  if (session.isPending) {
    return (
      <main className="flex h-full">
        <SkeletonRows label="Loading the inbox" />
      </main>
    );
  }
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
    return <SignInPage auth={current.auth} ended={wasIn.current} error={signInError} />;
  }
  if (current.access === 'none' && current.person) return <NoAccessPage person={current.person} />;
  wasIn.current = true;
  return children;
}
