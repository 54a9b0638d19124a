import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
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

/** The dialog's parts, as a person finds them. */
export const dialog = () => screen.getByRole('dialog', { name: 'New conversation' });
export const nameField = () => within(dialog()).getByRole('textbox', { name: 'Name' });
export const search = () => within(dialog()).getByRole('combobox', { name: 'Add people' });
export const options = () => within(within(dialog()).getByRole('listbox', { name: 'People' })).getAllByRole('option');
export const chips = () =>
  within(dialog())
    .queryAllByRole('button', { name: /^Remove / })
    .map((button) => button.getAttribute('aria-label')!.slice('Remove '.length));
export const createButton = () => within(dialog()).getByRole('button', { name: /^(Create( “.*”)?|Creating…)$/ });
/** Create for a named channel asks to check the name first: the second press creates it. */
export async function createChannel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(createButton());
  expect(within(dialog()).getByText(/cannot be renamed or deleted once it is created/)).toBeInTheDocument();
  expect(createButton()).toHaveTextContent(/^Create “.+”$/);
  await user.click(createButton());
}
