// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInAccount, startServer } from './testing';
import { UserDirectory } from './user-directory';

function Page() {
  return <UserDirectory selectedId={useParams().userId ?? null} />;
}
const routes = [
  { path: '/a/:accountId/users', element: <Page /> },
  { path: '/a/:accountId/users/:userId', element: <Page /> },
];

let server: ReturnType<typeof startServer>;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.restore());
afterEach(cleanup);

const rowNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((link) => link.querySelector('.font-medium')?.textContent ?? '');

describe('UserDirectory', () => {
  it('lists everyone in the account, sorted by name, each linked to their profile', async () => {
    const { users, account } = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users`);
    const list = await screen.findByRole('list', { name: 'People' });
    const names = rowNames(list);
    expect(names).toHaveLength(users.length);
    expect(names).toEqual([...names].sort());
    const first = users[0]!;
    expect(within(list).getByRole('link', { name: new RegExp(`^${first.name}`) })).toHaveAttribute(
      'href',
      `/a/${account.id}/users/${first.id}`,
    );
    expect(screen.getByText(`${users.length} people`)).toBeInTheDocument();
  });

  it('marks bots with a badge and inactive people as inactive', async () => {
    const { users } = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users`);
    const list = await screen.findByRole('list', { name: 'People' });
    const bot = users.find((u) => u.bot)!;
    const inactive = users.find((u) => u.active === false && !u.bot)!;
    const botRow = within(list).getByRole('link', { name: new RegExp(`^${bot.name}`) });
    expect(within(botRow).getByText('Bot')).toBeInTheDocument();
    expect(within(botRow).queryByText('Inactive')).not.toBeInTheDocument();
    const inactiveRow = within(list).getByRole('link', { name: new RegExp(`^${inactive.name}`) });
    expect(within(inactiveRow).getByText('Inactive')).toBeInTheDocument();
    expect(within(inactiveRow).queryByText('Bot')).not.toBeInTheDocument();
  });

  it('filters by name, username and email, and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { users, router } = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users`);
    await screen.findByRole('list', { name: 'People' });
    const search = screen.getByRole('searchbox', { name: 'Search people' });

    const person = users.find((u) => !u.bot && u.username && u.email)!;
    await user.type(search, person.username!);
    await expect.poll(() => rowNames(screen.getByRole('list', { name: 'People' }))).toEqual([person.name]);
    await expect.poll(() => router.state.location.search).toBe(`?q=${encodeURIComponent(person.username!)}`);
    expect(screen.getByRole('link', { name: new RegExp(`^${person.name}`) }).getAttribute('href')).toContain('?q=');

    await user.clear(search);
    await user.type(search, person.email!.toUpperCase());
    await expect.poll(() => rowNames(screen.getByRole('list', { name: 'People' }))).toEqual([person.name]);

    await user.clear(search);
    const lastName = person.last_name!;
    await user.type(search, lastName.toLowerCase());
    const expected = users.filter((u) => u.name!.toLowerCase().includes(lastName.toLowerCase())).map((u) => u.name);
    await expect.poll(() => rowNames(screen.getByRole('list', { name: 'People' }))).toEqual(expected);

    await user.clear(search);
    await expect.poll(() => router.state.location.search).toBe('');
    await expect.poll(() => rowNames(screen.getByRole('list', { name: 'People' }))).toHaveLength(users.length);
  });

  it('says so when no one matches', async () => {
    const user = userEvent.setup();
    await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users`);
    await screen.findByRole('list', { name: 'People' });
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'zzqx nobody');
    expect(await screen.findByText('No one matches “zzqx nobody”')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'People' })).not.toBeInTheDocument();
  });

  it('starts from the search in the URL', async () => {
    const { users } = await renderInAccount(routes, ({ accountId }) => `/a/${accountId}/users?q=github`);
    const github = users.find((u) => u.username === 'github')!;
    expect(screen.getByRole('searchbox', { name: 'Search people' })).toHaveValue('github');
    const list = await screen.findByRole('list', { name: 'People' });
    expect(rowNames(list)).toEqual([github.name]);
    expect(screen.getByText('1 match')).toBeInTheDocument();
  });

  it('marks the selected row as the current page', async () => {
    const { users } = await renderInAccount(routes, ({ accountId, users }) => `/a/${accountId}/users/${users[3]!.id}`);
    const list = await screen.findByRole('list', { name: 'People' });
    const current = within(list)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveAccessibleName(new RegExp(`^${users[3]!.name}`));
  });

  it('says what failed, with a way to try again', async () => {
    const user = userEvent.setup();
    await renderInAccount(routes, () => '/a/gone/users', { accountId: 'gone' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load people')).toBeInTheDocument();
    expect(within(alert).getByText(/Linked account "gone" not found/)).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
