import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { accountQueries } from '../api/accounts';
import { InboxShell } from './layout/inbox-frame';
import { AccountLayout } from './routes/account-layout';
import { ConversationsLayout } from './routes/conversations-layout';
import { NoConversation } from './routes/no-conversation';
import { NotFound } from './routes/not-found';
import { RootRedirect } from './routes/root-redirect';
import { RouteError } from './routes/route-error';

// The pages a person opens from the first screen: loaded on first use, and ahead of it once the first screen is done.
const threadRoute = () => import('./routes/thread-route').then((m) => ({ Component: m.ThreadRoute }));
const usersRoute = () => import('./routes/users-route').then((m) => ({ Component: m.UsersRoute }));
export const preloadRoutes = [threadRoute, usersRoute];

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
          hydrateFallbackElement: <InboxShell />,
          loader: ({ params }) => {
            // Start the first requests early; the views read the same cache.
            void queryClient.prefetchQuery(accountQueries.list());
            void import('./first-reads')
              .then(({ prefetchConversationList }) => prefetchConversationList(queryClient, params.accountId!))
              .catch(() => undefined);
            return null;
          },
          children: [
            {
              element: <ConversationsLayout />,
              children: [
                { index: true, element: <NoConversation /> },
                {
                  path: 'c/:conversationId',
                  lazy: threadRoute,
                },
                {
                  path: 'c/:conversationId/m/:messageId',
                  lazy: threadRoute,
                },
              ],
            },
            { path: 'users', lazy: usersRoute },
            { path: 'users/:userId', lazy: usersRoute },
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
