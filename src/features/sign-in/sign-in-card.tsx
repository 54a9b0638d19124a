import type { ReactNode } from 'react';
import { ChatIcon } from '../../components/ui/icons';

/** The centred card of the pages shown before the inbox itself: sign-in and no access. */
export function SignInCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center bg-neutral-100 p-4 dark:bg-neutral-950">
      <section
        aria-labelledby="sign-in-title"
        className="w-full max-w-sm rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
      >
        <div className="mb-4 flex items-center gap-2 text-accent-700 dark:text-accent-300">
          <ChatIcon size={22} />
          <span className="text-sm font-semibold">Inbox</span>
        </div>
        <h1 id="sign-in-title" className="mb-3 text-lg font-semibold text-neutral-900 dark:text-neutral-50">
          {title}
        </h1>
        {children}
      </section>
    </main>
  );
}
