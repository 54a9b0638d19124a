// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountQueries } from '../../api/accounts';
import { conversationQueries } from '../../api/conversations';
import type { Conversation, User } from '../../contract/models';
import { AccountContext } from '../../lib/account-context';
import { accountPeople } from '../../test/account-people';
import { installInProcessServer } from '../../test/in-process-fetch';
import { ConversationDetails } from './conversation-details';

let server: ReturnType<typeof installInProcessServer>;
beforeAll(() => {
  server = installInProcessServer();
});
afterAll(() => server.restore());
afterEach(cleanup);

/** The panel inside the first account, as the thread route shows it, with real data. */
interface Seeded {
  conversations: Conversation[];
  selfId: string | null;
  byId: Map<string, User>;
}

async function renderDetails(pick: (seeded: Seeded) => string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const [account] = await queryClient.fetchQuery(accountQueries.list());
  const { users, selfId } = await accountPeople(queryClient, account!);
  const loaded = await queryClient.fetchInfiniteQuery(conversationQueries.list(account!.id));
  const byId = new Map(users.map((user) => [user.id!, user]));
  const conversationId = pick({ conversations: loaded.pages[0]!.data!, selfId, byId });
  const onClose = vi.fn();
  const router = createMemoryRouter(
    [{ path: '/c/:id', element: <ConversationDetails conversationId={conversationId} onClose={onClose} /> }],
    { initialEntries: [`/c/${conversationId}`] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <AccountContext.Provider value={{ accountId: account!.id, account: account!, selfId }}>
        <RouterProvider router={router} />
      </AccountContext.Provider>
    </QueryClientProvider>,
  );
  const conversation = loaded.pages[0]!.data!.find((c) => c.id === conversationId);
  return { onClose, byId, selfId, conversation, accountId: account!.id };
}

describe('ConversationDetails', () => {
  it('describes a channel and lists its participants with links to their profiles', async () => {
    const { conversation, byId, selfId, accountId } = await renderDetails(
      ({ conversations, byId }) =>
        conversations.find(
          (c) =>
            c.name &&
            !c.private &&
            c.participants!.some((id) => byId.get(id)?.bot) &&
            c.participants!.some((id) => byId.get(id)?.active === false),
        )!.id!,
    );
    const panel = screen.getByRole('complementary', { name: 'Conversation details' });
    expect(await within(panel).findByText(conversation!.name!)).toBeInTheDocument();
    expect(within(panel).getByText('Public')).toBeInTheDocument();
    const ids = [...new Set(conversation!.participants!)];
    expect(within(panel).getByText(`${ids.length} people`)).toBeInTheDocument();

    const list = await within(panel).findByRole('list', { name: 'Participants' });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(ids.length);
    // You first, then everyone by name.
    expect(links[0]).toHaveAccessibleName(new RegExp(`^${byId.get(selfId!)!.name} \\(you\\)`));
    expect(links[0]).toHaveAttribute('href', `/a/${accountId}/users/${selfId}`);

    const bot = ids.map((id) => byId.get(id)!).find((user) => user.bot)!;
    expect(within(list).getByRole('link', { name: new RegExp(`^${bot.name} Bot`) })).toBeInTheDocument();
    const inactive = ids.map((id) => byId.get(id)!).find((user) => user.active === false)!;
    expect(within(list).getByRole('link', { name: new RegExp(`^${inactive.name} Inactive`) })).toBeInTheDocument();
  });

  it('names a direct conversation after the other person', async () => {
    const { conversation, byId, selfId } = await renderDetails(
      ({ conversations, selfId }) =>
        conversations.find((c) => !c.name && c.participants!.length === 2 && c.participants!.includes(selfId!))!.id!,
    );
    const other = byId.get(conversation!.participants!.find((id) => id !== selfId)!)!;
    const panel = screen.getByRole('complementary', { name: 'Conversation details' });
    expect(await within(panel).findByText('Direct message')).toBeInTheDocument();
    expect((await within(panel).findAllByText(other.name!)).length).toBeGreaterThan(0);
    expect(within(panel).getByText('2 people')).toBeInTheDocument();
  });

  it('closes with the Close button and with Escape, but not while a dialog is open', async () => {
    const user = userEvent.setup();
    const { onClose } = await renderDetails(({ conversations }) => conversations[0]!.id!);
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(screen.getByRole('complementary', { name: 'Conversation details' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);

    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(3);

    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('data-state', 'open');
    document.body.append(dialog);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(3);
    dialog.remove();
  });

  it('says when the conversation is not in this account', async () => {
    await renderDetails(() => 'no-such-conversation');
    expect(await screen.findByText('Conversation not found')).toBeInTheDocument();
  });
});
