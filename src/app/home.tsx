/** The start page until the inbox views land: says what is running and where. */
export function Home() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 p-8 text-neutral-800 dark:bg-neutral-950 dark:text-neutral-100">
      <h1 className="text-2xl font-semibold">Inbox</h1>
      <p>
        The inbox server is running with its StackOne-compatible sandbox. Point a StackOne SDK or curl at{' '}
        <code className="rounded bg-neutral-100 px-1 dark:bg-neutral-800">/sandbox</code> with the sandbox key as the
        Basic auth user name.
      </p>
      <ul className="list-disc pl-6">
        <li>
          <a className="text-indigo-700 underline dark:text-indigo-300" href="/sandbox/openapi.json">
            The sandbox's OpenAPI document
          </a>
        </li>
        <li>
          <a className="text-indigo-700 underline dark:text-indigo-300" href="/healthz">
            Health check
          </a>
        </li>
      </ul>
    </main>
  );
}
