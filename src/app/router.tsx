import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { accountQueries } from '../api/accounts';
import { SkeletonRows } from '../components/ui/states';
import { conversationQueries } from '../api/conversations';
import { AccountLayout } from './routes/account-layout';
import { ConversationsLayout } from './routes/conversations-layout';
import { NoConversation } from './routes/no-conversation';
import { NotFound } from './routes/not-found';
import { RootRedirect } from './routes/root-redirect';
import { RouteError } from './routes/route-error';

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      errorElement: <RouteError />,
      children: [
        { index: true, element: <RootRedirect /> },
        {
          path: 'a/:accountId',
          element: <AccountLayout />,
          hydrateFallbackElement: <SkeletonRows label="Loading the inbox" />,
          loader: ({ params }) => {
            // Start the first requests early; the views read the same cache.
            void queryClient.prefetchQuery(accountQueries.list());
            void queryClient.prefetchInfiniteQuery(conversationQueries.list(params.accountId!));
            return null;
          },
          children: [
            {
              element: <ConversationsLayout />,
              children: [
                { index: true, element: <NoConversation /> },
                {
                  path: 'c/:conversationId',
                  lazy: () => import('./routes/thread-route').then((m) => ({ Component: m.ThreadRoute })),
                },
                {
                  path: 'c/:conversationId/m/:messageId',
                  lazy: () => import('./routes/thread-route').then((m) => ({ Component: m.ThreadRoute })),
                },
              ],
            },
            { path: 'users', lazy: () => import('./routes/users-route').then((m) => ({ Component: m.UsersRoute })) },
            {
              path: 'users/:userId',
              lazy: () => import('./routes/users-route').then((m) => ({ Component: m.UsersRoute })),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
        {
          path: '*',
          element: (
            <main className="flex h-full">
              <NotFound />
            </main>
          ),
        },
      ],
    },
  ]);
}
