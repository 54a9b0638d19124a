import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider, useLocation, useParams } from 'react-router';
import { accountQueries } from '../../api/accounts';
import { AccountContext } from '../../lib/account-context';
import { accountPeople } from '../../test/account-people';
import { NewConversationDialog } from './new-conversation-dialog';

// Test helpers for the new conversation dialog (jsdom, in-process server; see installInProcessServer).

/** The conversations page as the lead wires it: a "New conversation" button opens the dialog. */
function ConversationsPage() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        New conversation
      </button>
      <NewConversationDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

function ConversationPage() {
  const location = useLocation();
  return (
    <p>
      Conversation {useParams().conversationId} at {location.pathname}
    </p>
  );
}

/** The dialog's opener on the account's page, in a router and the account's real context. */
export async function renderOpener() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const account = (await queryClient.fetchQuery(accountQueries.list()))[0]!;
  const { users, selfId } = await accountPeople(queryClient, account);
  const router = createMemoryRouter(
    [
      { path: '/a/:accountId', element: <ConversationsPage /> },
      { path: '/a/:accountId/c/:conversationId', element: <ConversationPage /> },
    ],
    { initialEntries: [`/a/${account.id}`] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <AccountContext.Provider value={{ accountId: account.id, account, selfId }}>
        <RouterProvider router={router} />
      </AccountContext.Provider>
    </QueryClientProvider>,
  );
  return { queryClient, router, account, users, selfId };
}
