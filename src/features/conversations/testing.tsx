import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { Outlet, RouterProvider, createMemoryRouter, useParams } from 'react-router';
import { expect } from 'vitest';
import { accountQueries } from '../../api/accounts';
import type { LinkedAccount } from '../../contract/accounts';
import type { Conversation } from '../../contract/models';
import { AccountContext } from '../../lib/account-context';
import { accountPeople } from '../../test/account-people';
import type { installInProcessServer } from '../../test/in-process-fetch';
import { ConversationList } from './conversation-list';

// Test helpers for the conversation list's component tests (jsdom, in-process server).

/** The height the footer takes below the rows in the emulated layout. */
const FOOTER_HEIGHT = 56;
let viewportHeight = 10_000;
let layoutEmulated = false;

/**
 * jsdom lays nothing out and cannot scroll elements. Give the list's scroll element (the parent of
 * its `list`) a viewport of `viewportHeight` px over the height of its rows and footer, and let
 * elements scroll the way browsers do: `scrollTo` moves `scrollTop` within bounds, and `scroll`
 * fires on the next frame.
 */
function emulateListLayout(height: number) {
  viewportHeight = height;
  if (layoutEmulated) return;
  layoutEmulated = true;
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!.get!;
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')!.get!;
  const listIn = (element: Element) => element.querySelector<HTMLElement>(':scope > [role="list"]');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return listIn(this) ? viewportHeight : clientHeight.call(this);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const list = listIn(this);
      return list ? Math.max(viewportHeight, parseFloat(list.style.height) + FOOTER_HEIGHT) : scrollHeight.call(this);
    },
  });
  Element.prototype.scrollTo ??= function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
    const top = typeof options === 'number' ? y : options?.top;
    if (top === undefined) return;
    const next = Math.max(0, Math.min(top, this.scrollHeight - this.clientHeight));
    if (next === this.scrollTop) return;
    this.scrollTop = next;
    requestAnimationFrame(() => this.dispatchEvent(new Event('scroll')));
  } as Element['scrollTo'];
}

function Layout() {
  return (
    <>
      <ConversationList selectedId={useParams().conversationId ?? null} />
      <Outlet />
    </>
  );
}

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

/** The list in a router and an account, the way the app shows it, over the in-process server. */
export async function renderList(
  options: { path?: (account: LinkedAccount) => string; accountId?: string; viewportHeight?: number } = {},
) {
  const setup = newClient();
  const account = (await setup.fetchQuery(accountQueries.list()))[0]!;
  const { users, selfId } = await accountPeople(setup, account);
  const accountId = options.accountId ?? account.id;
  const queryClient = newClient();
  emulateListLayout(options.viewportHeight ?? 10_000);
  const router = createMemoryRouter(
    [
      {
        path: '/a/:accountId',
        element: <Layout />,
        children: [
          { index: true, element: <p>Pick a conversation</p> },
          { path: 'c/:conversationId', element: <p>Thread</p> },
        ],
      },
      { path: '/a/:accountId/users', element: <p>People</p> },
    ],
    { initialEntries: [options.path?.(account) ?? `/a/${accountId}`] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <AccountContext.Provider value={{ accountId, account, selfId }}>
        <RouterProvider router={router} />
      </AccountContext.Provider>
    </QueryClientProvider>,
  );
  const byId = new Map(users.map((user) => [user.id!, user]));
  return { account, users, byId, selfId, router, queryClient };
}

/** Every conversation of the first account, in the API's order, read through the BFF. */
export async function allConversations(server: ReturnType<typeof installInProcessServer>): Promise<Conversation[]> {
  const response = await server.apiJson<{ data: Conversation[]; next: string | null }>(
    '/unified/messaging/conversations?page_size=100',
  );
  expect(response.status).toBe(200);
  expect(response.body.next).toBeNull();
  return response.body.data;
}

const nav = () => screen.getByRole('navigation', { name: 'Conversations' });
export const rows = async () => {
  const list = await within(nav()).findByRole('list');
  return within(list).getAllByRole('link');
};
/** The rows' titles, once every name has been looked up. */
export async function titles() {
  let found: (string | null | undefined)[] = [];
  await waitFor(async () => {
    found = (await rows()).map((row) => row.querySelector('.truncate')?.textContent);
    expect(found).not.toContain('Loading name');
  });
  return found;
}
