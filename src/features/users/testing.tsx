import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { VirtuosoMockContext } from 'react-virtuoso';
import { accountQueries } from '../../api/accounts';
import type { User } from '../../contract/models';
import { AccountContext } from '../../lib/account-context';
import { accountPeople } from '../../test/account-people';
import { installInProcessServer } from '../../test/in-process-fetch';

/** A seeded in-process inbox server behind `fetch` (see installInProcessServer). */
export function startServer() {
  return installInProcessServer();
}

/**
 * Renders routes inside an account, as the app does: a fresh QueryClient, the account's context
 * built from the real accounts and directory (fetched through `fetch`, see installInProcessServer),
 * and a memory router. `accountId` overrides the context's account (to see failures). Virtuoso
 * gets a fixed viewport, since jsdom has no layout.
 */
export async function renderInAccount(
  routes: RouteObject[],
  path: (at: { accountId: string; users: User[]; selfId: string | null }) => string,
  { accountIndex = 0, accountId }: { accountIndex?: number; accountId?: string } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const accounts = await queryClient.fetchQuery(accountQueries.list());
  const account = accounts[accountIndex]!;
  const { users, selfId } = await accountPeople(queryClient, account);
  const router = createMemoryRouter(routes, { initialEntries: [path({ accountId: account.id, users, selfId })] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <AccountContext.Provider value={{ accountId: accountId ?? account.id, account, selfId }}>
        <VirtuosoMockContext.Provider value={{ viewportHeight: 20_000, itemHeight: 48 }}>
          <RouterProvider router={router} />
        </VirtuosoMockContext.Provider>
      </AccountContext.Provider>
    </QueryClientProvider>,
  );
  return { ...view, queryClient, router, account, users, selfId };
}
