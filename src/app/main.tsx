import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { outbox } from '../api/outbox';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredTheme();
const queryClient = createQueryClient();
const router = createRouter(queryClient);
outbox.start(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
