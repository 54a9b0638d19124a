// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationQueries } from '../../api/conversations';
import { onOpenDialog } from '../../lib/app-events';
import { renderInAccount, startServer } from './testing';
import { UserProfile } from './user-profile';
import { isDirectWith } from './use-direct-conversation';

function Page() {
  return <UserProfile userId={useParams().userId!} />;
}
const routes = [
  { path: '/a/:accountId/users/:userId', element: <Page /> },
  { path: '/a/:accountId/c/:conversationId', element: <p>Conversation open</p> },
];

let server: ReturnType<typeof startServer>;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.restore());
afterEach(cleanup);

describe('UserProfile', () => {
  it('shows the person: name, username, email, first and last name', async () => {
    const { users } = await renderInAccount(routes, ({ accountId, users }) => {
      const person = users.find((u) => !u.bot && u.active && u.email)!;
      return `/a/${accountId}/users/${person.id}`;
    });
    const person = users.find((u) => !u.bot && u.active && u.email)!;
    expect(await screen.findByRole('heading', { name: person.name! })).toBeInTheDocument();
    expect(screen.getByText(`@${person.username}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: person.email! })).toHaveAttribute('href', `mailto:${person.email}`);
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const definitions = screen.getAllByRole('definition').map((definition) => definition.textContent);
    const field = (label: string) => definitions[terms.indexOf(label)];
    expect(field('First name')).toBe(person.first_name);
    expect(field('Last name')).toBe(person.last_name);
    expect(field('Status')).toBe('Active');
    expect(screen.queryByText('Bot')).not.toBeInTheDocument();
  });

  it('marks bots and inactive people', async () => {
    const { users, ...view } = await renderInAccount(
      routes,
      ({ accountId, users }) => `/a/${accountId}/users/${users.find((u) => u.bot)!.id}`,
    );
    const bot = users.find((u) => u.bot)!;
    expect(await screen.findByRole('heading', { name: bot.name! })).toBeInTheDocument();
    expect(screen.getAllByText('Bot').length).toBeGreaterThan(0);

    const inactive = users.find((u) => u.active === false)!;
    await view.router.navigate(`/a/${view.account.id}/users/${inactive.id}`);
    expect(await screen.findByRole('heading', { name: inactive.name! })).toBeInTheDocument();
    expect(screen.getAllByText('Inactive').length).toBeGreaterThan(0);
    expect(screen.getByText(/This account is inactive/)).toBeInTheDocument();
  });

  it('opens the direct conversation with "Message" when there is one', async () => {
    const user = userEvent.setup();
    const view = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users/none-yet`);
    const loaded = await view.queryClient.fetchInfiniteQuery(conversationQueries.list(view.account.id));
    const direct = loaded.pages[0]!.data!.find(
      (c) => !c.name && c.participants?.length === 2 && c.participants.includes(view.selfId!),
    )!;
    const otherId = direct.participants!.find((id) => id !== view.selfId)!;
    expect(isDirectWith(direct, [view.selfId!, otherId])).toBe(true);

    await view.router.navigate(`/a/${view.account.id}/users/${otherId}`);
    const message = await screen.findByRole('button', { name: 'Message' });
    await expect.poll(() => message.hasAttribute('disabled')).toBe(false);
    await user.click(message);
    expect(await screen.findByText('Conversation open')).toBeInTheDocument();
    expect(view.router.state.location.pathname).toBe(`/a/${view.account.id}/c/${direct.id}`);
  });

  it('opens a new message addressed to them when there is no direct conversation yet', async () => {
    const user = userEvent.setup();
    const opened: unknown[] = [];
    const stop = onOpenDialog('compose', (detail) => opened.push(detail));
    const view = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users/none-yet`);
    const loaded = await view.queryClient.fetchInfiniteQuery(conversationQueries.list(view.account.id));
    const conversations = loaded.pages.flatMap((page) => page.data ?? []);
    const stranger = view.users.find((u) => !conversations.some((c) => isDirectWith(c, [view.selfId!, u.id!])))!;
    await view.router.navigate(`/a/${view.account.id}/users/${stranger.id}`);
    expect(await screen.findByRole('heading', { name: stranger.name! })).toBeInTheDocument();
    const message = screen.getByRole('button', { name: 'Message' });
    await expect.poll(() => message.hasAttribute('disabled')).toBe(false);
    expect(screen.getByText(/No direct conversation yet/)).toBeInTheDocument();
    await user.click(message);
    stop();
    expect(opened).toEqual([{ kind: 'user', id: stranger.id, label: stranger.name, detail: `@${stranger.username}` }]);
  });

  it('says when the person is not in this account', async () => {
    await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users/no-such-person`);
    expect(await screen.findByText('This person is not in this account')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See everyone' })).toBeInTheDocument();
  });

  it('does not show a person of another account', async () => {
    const first = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users/x`);
    const someone = first.users[0]!;
    cleanup();
    await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users/${someone.id}`, { accountIndex: 1 });
    expect(await screen.findByText('This person is not in this account')).toBeInTheDocument();
  });
});
