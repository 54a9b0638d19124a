import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from './not-found';

/** The last line of defence: a route that threw shows what happened and a way back. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const message = error instanceof Error ? error.message : 'Unexpected error';
  return (
    <main role="alert" className="flex h-full flex-col items-center justify-center gap-2 p-8 text-center">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="max-w-md text-neutral-600 dark:text-neutral-400">{message}</p>
      <button
        type="button"
        className="font-medium text-accent-700 underline dark:text-accent-300"
        onClick={() => window.location.reload()}
      >
        Reload the page
      </button>
    </main>
  );
}
