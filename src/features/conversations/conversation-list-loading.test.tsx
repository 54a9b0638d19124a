// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationQueries } from '../../api/conversations';
import { installInProcessServer } from '../../test/in-process-fetch';
import { renderList, titles } from './testing';

describe('ConversationList when the first load fails', () => {
  let server: ReturnType<typeof installInProcessServer>;
  beforeAll(() => {
    server = installInProcessServer();
  });
  afterAll(() => server.restore());
  afterEach(cleanup);

  it('says what failed, with Retry, when the first load fails', async () => {
    await renderList({ accountId: 'not-an-account' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load conversations')).toBeInTheDocument();
    expect(within(alert).getByText('Linked account "not-an-account" not found')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('ConversationList when a refresh fails', () => {
  // Once the list is on screen, the sandbox fails the next reads of conversations.
  let server: ReturnType<typeof installInProcessServer>;
  beforeAll(() => {
    server = installInProcessServer();
  });
  afterAll(() => server.restore());
  afterEach(cleanup);

  it('keeps the rows on screen and shows a stale notice with Retry', async () => {
    const { account, queryClient } = await renderList();
    const before = await titles();
    expect(before.length).toBeGreaterThan(0);

    await server.setFaults([{ operation: 'list_conversations', kind: '500', count: 10 }]);
    await act(() => queryClient.refetchQueries({ queryKey: conversationQueries.all(account.id) }));
    const notice = await screen.findByText(/^Could not refresh the list/);
    expect(within(notice.parentElement!).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(await titles()).toEqual(before);
  });
});

describe('ConversationList over more than one page', () => {
  // 41 seeded conversations and 30 new channels (new ones sort with the newest): two pages of 50.
  const EXTRA = 30;
  let server: ReturnType<typeof installInProcessServer>;
  beforeAll(async () => {
    server = installInProcessServer();
    for (let i = 1; i <= EXTRA; i++) {
      const created = await server.api('/unified/messaging/conversations', {
        method: 'POST',
        body: JSON.stringify({ name: `archive-${String(i).padStart(2, '0')}` }),
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => server.restore());
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
  });

  it('loads the next page with the Load more button, then says it is all caught up', async () => {
    const user = userEvent.setup();
    // A short viewport: the end of the list is not reached by itself.
    const { account } = await renderList({ viewportHeight: 560 });
    const all = (await (await server.api('/unified/messaging/conversations?page_size=100&fields=id')).json()) as {
      data: { id: string }[];
    };
    const oldest = all.data.at(-1)!.id;
    const oldestRow = () => document.querySelector(`a[href="/a/${account.id}/c/${oldest}"]`);
    const more = await screen.findByRole('button', { name: 'Load more' });
    expect(oldestRow()).toBeNull();
    more.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/all caught up/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(all.data).toHaveLength(71);
    // The keyboard carries on from the first row of the new page.
    await expect.poll(() => document.activeElement?.getAttribute('data-row-index')).toBe('50');
  });

  it('loads further pages by itself while a filter is on, so the filter covers every conversation', async () => {
    const user = userEvent.setup();
    await renderList({ viewportHeight: 560 });
    await screen.findByRole('button', { name: 'Load more' });
    await user.type(screen.getByRole('searchbox', { name: 'Filter conversations' }), 'archive-0');
    // Without messages, the newest channel comes first.
    await expect.poll(titles).toEqual(Array.from({ length: 9 }, (_, i) => `archive-0${9 - i}`));
    expect(screen.getByText('No more matches')).toBeInTheDocument();
  });
});
