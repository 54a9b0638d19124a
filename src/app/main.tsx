import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { accountQueries } from '../api/accounts';
import { followSession, getSession, isSignedIn } from '../api/session';
import { ErrorState } from '../components/ui/states';
import { registerServiceWorkerLater, restoreLastScreen } from './last-screen';
import { InboxShell } from './layout/inbox-frame';
import { createQueryClient } from './query-client';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredTheme();
const queryClient = createQueryClient();
const root = createRoot(document.getElementById('root')!);
const show = (content: ReactNode) =>
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
    </StrictMode>,
  );

// The first paint: the inbox's frame with placeholders, before any answer and before the rest of the code.
show(<InboxShell />);
// The router and the screens load beside the session and the kept cache, not after them.
const inbox = import('./inbox');

void restoreLastScreen(queryClient)
  .then(async () => {
    // The first screen's reads start here, each as soon as it can, rather than once the router has drawn.
    const session = await getSession().catch(() => null);
    if (session && isSignedIn(session)) {
      const accounts = queryClient.fetchQuery(accountQueries.list());
      accounts.catch(() => undefined); // the views show a failure, with Retry
      void import('./first-reads')
        .then(({ startFirstReads }) => startFirstReads(queryClient, accounts))
        .catch(() => undefined);
    }
    // The router's loaders start reading at once: after the restore, so they refresh what is shown.
    const { inboxApp } = await inbox;
    followSession(queryClient);
    show(inboxApp(queryClient));
    // Sends kept from an earlier visit resume; the outbox's code is not the first screen's.
    void import('../api/outbox').then(({ outbox }) => outbox.start(queryClient));
    registerServiceWorkerLater(queryClient);
  })
  .catch(() =>
    show(
      <main className="flex h-full">
        <ErrorState
          title="Could not load the inbox"
          message="Its code did not arrive: check your connection and try again."
          onRetry={() => window.location.reload()}
        />
      </main>,
    ),
  );
