import { Link } from 'react-router';

export function NotFound() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-2 p-8 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-neutral-600 dark:text-neutral-400">
        Nothing lives at this address. It may have moved, or the link is wrong.
      </p>
      <Link className="font-medium text-accent-700 underline dark:text-accent-300" to="/">
        Go to the inbox
      </Link>
    </div>
  );
}
