import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { outbox } from '../api/outbox';
import { followSession } from '../api/session';
import { registerServiceWorkerLater, restoreLastScreen } from './last-screen';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { SessionGate } from './session-gate';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredTheme();
const queryClient = createQueryClient();

void restoreLastScreen(queryClient).then(() => {
  // The router's loaders start reading at once: after the restore, so they refresh what is shown.
  const router = createRouter(queryClient);
  outbox.start(queryClient);
  followSession(queryClient);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionGate>
          <RouterProvider router={router} />
        </SessionGate>
      </QueryClientProvider>
    </StrictMode>,
  );
  registerServiceWorkerLater();
});
