// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../contract/models';
import { DirectoryList, type DirectoryListProps } from './directory-list';

afterEach(cleanup);

const people: User[] = Array.from({ length: 30 }, (_, i) => ({
  id: `u${i}`,
  name: `Person ${String(i).padStart(2, '0')}`,
  username: `person${i}`,
  bot: i === 3,
  active: i !== 4,
}));

function renderList(props: Partial<DirectoryListProps>) {
  const onLoadMore = vi.fn();
  const onTogglePick = vi.fn();
  const all: DirectoryListProps = {
    accountId: 'acc',
    users: people,
    selectedId: null,
    selfId: 'u2',
    linkSearch: '',
    hasMore: false,
    loadingMore: false,
    loadMoreError: null,
    onLoadMore,
    picked: new Set(),
    onTogglePick,
    ...props,
  };
  const router = createMemoryRouter([{ path: '*', element: <DirectoryList {...all} /> }]);
  render(
    <VirtuosoMockContext.Provider value={{ viewportHeight: 5_000, itemHeight: 48 }}>
      <RouterProvider router={router} />
    </VirtuosoMockContext.Provider>,
  );
  return { onLoadMore, onTogglePick };
}

describe('DirectoryList', () => {
  it('asks for the next page when the end of the list is reached', async () => {
    const { onLoadMore } = renderList({ hasMore: true });
    expect(await screen.findByRole('link', { name: /^Person 29/ })).toBeInTheDocument();
    expect(onLoadMore).toHaveBeenCalled();
    expect(screen.getByRole('status', { name: 'Loading more people' })).toBeInTheDocument();
  });

  it('does not ask when everyone is loaded', async () => {
    const { onLoadMore } = renderList({ hasMore: false });
    expect(await screen.findByRole('link', { name: /^Person 29/ })).toBeInTheDocument();
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('offers Retry when the next page failed', async () => {
    const user = userEvent.setup();
    const { onLoadMore } = renderList({ hasMore: true, loadMoreError: 'The server answered 500' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Could not load more people/)).toBeInTheDocument();
    expect(onLoadMore).not.toHaveBeenCalled();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('links rows to profiles, keeping the search, and marks you, bots and inactive people', async () => {
    renderList({ linkSearch: '?q=person', selectedId: 'u1' });
    expect(await screen.findByRole('link', { name: 'Person 00 @person0' })).toHaveAttribute(
      'href',
      '/a/acc/users/u0?q=person',
    );
    expect(screen.getByRole('link', { name: /^Person 01/ })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Person 02 (you) @person2' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Person 03 Bot @person3' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Person 04 Inactive @person4' })).toBeInTheDocument();
  });

  it('picks people for a group with Space on a row or its checkbox; not you, and not the inactive', async () => {
    const user = userEvent.setup();
    const { onTogglePick } = renderList({ picked: new Set(['u1']) });
    const row = await screen.findByRole('link', { name: 'Person 00 @person0' });
    row.focus();
    await user.keyboard(' ');
    expect(onTogglePick).toHaveBeenLastCalledWith('u0');
    expect(screen.getByRole('checkbox', { name: 'Pick Person 01 for a group' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Pick Person 05 for a group' }));
    expect(onTogglePick).toHaveBeenLastCalledWith('u5');
    expect(screen.queryByRole('checkbox', { name: /Person 02/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /Person 04/ })).toBeNull();
    screen.getByRole('link', { name: 'Person 02 (you) @person2' }).focus();
    await user.keyboard(' ');
    expect(onTogglePick).toHaveBeenCalledTimes(2);
  });
});
