// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract/models';
import { conversationTitle } from '../../lib/conversation-title';
import { markSeen } from '../../lib/last-seen';
import { installInProcessServer } from '../../test/in-process-fetch';
import { allConversations, renderList, rows, titles } from './testing';

// The seeded data ends at 2026-11-20T12:00Z; what happened in its last twelve hours counts as unread.
const SEEN_UNTIL = '2026-11-20T00:00:00.000Z';

describe('ConversationList', () => {
  let server: ReturnType<typeof installInProcessServer>;
  let conversations: Conversation[];
  beforeAll(async () => {
    server = installInProcessServer();
    conversations = await allConversations(server);
    const account = server.accounts[0]!;
    localStorage.setItem(`inbox:last-seen:${account.id}`, JSON.stringify({ '*': SEEN_UNTIL }));
  });
  afterAll(() => server.restore());
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
  });

  it('shows skeleton rows, then every conversation, latest activity first, each a link to its thread', async () => {
    const { account, byId, selfId } = await renderList();
    expect(screen.getByRole('status', { name: 'Loading conversations' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Conversations' })).toBeInTheDocument();

    const expected = conversations.map((c) => conversationTitle(c, byId, selfId));
    await expect.poll(titles).toEqual(expected);
    const first = (await rows())[0]!;
    expect(first).toHaveAttribute('href', `/a/${account.id}/c/${conversations[0]!.id}`);
    expect(first.querySelector('time')).toHaveAttribute('dateTime', conversations[0]!.last_message_at);
    expect(screen.getByText(/all caught up/)).toBeInTheDocument();
  });

  it('marks private channels with a lock and names direct messages after the other person', async () => {
    const { byId, selfId } = await renderList();
    await rows();
    const privateChannel = conversations.find((c) => c.name && c.private)!;
    const privateRow = screen.getByRole('link', { name: new RegExp(`^${privateChannel.name}`) });
    expect(within(privateRow).getByRole('img', { name: 'Private' })).toBeInTheDocument();

    const direct = conversations.find((c) => !c.name && c.participants?.length === 2)!;
    const other = byId.get(direct.participants!.find((id) => id !== selfId)!)!;
    const directRow = await screen.findByRole('link', { name: new RegExp(`^${other.name}`) });
    expect(within(directRow).getByText('Direct message')).toBeInTheDocument();
    expect(within(directRow).queryByRole('img', { name: 'Private' })).not.toBeInTheDocument();
  });

  it('filters by title as you type, and says so when nothing matches', async () => {
    const user = userEvent.setup();
    const { byId, selfId } = await renderList();
    await rows();
    const filter = screen.getByRole('searchbox', { name: 'Filter conversations' });
    expect(filter).toHaveAttribute('placeholder', 'Filter… (/)');

    await user.type(filter, 'ENG');
    const expected = conversations
      .map((c) => conversationTitle(c, byId, selfId))
      .filter((title) => title.toLowerCase().includes('eng'));
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(titles).toEqual(expected);

    await user.type(filter, 'zzz');
    expect(await screen.findByText('Nothing matches')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(filter).toHaveValue('');
    await expect.poll(async () => (await titles()).length).toBe(conversations.length);
  });

  it('shows only unread conversations with the Unread chip, and updates when one is read', async () => {
    const user = userEvent.setup();
    const { account, byId, selfId } = await renderList();
    await rows();
    const unread = conversations.filter((c) => c.last_message_at! > SEEN_UNTIL);
    expect(unread.length).toBeGreaterThan(1);

    const chip = screen.getByRole('button', { name: /^Unread/ });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    await user.click(chip);
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(titles).toEqual(unread.map((c) => conversationTitle(c, byId, selfId)));
    for (const row of await rows()) expect(within(row).getByText('Unread')).toBeInTheDocument();

    act(() => markSeen(account.id, unread[0]!.id!, unread[0]!.last_message_at));
    await expect.poll(async () => (await titles()).length).toBe(unread.length - 1);

    await user.click(screen.getByRole('button', { name: 'Direct' }));
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    for (const row of await rows()) expect(within(row).getByText('Direct message')).toBeInTheDocument();
  });

  it('marks the open conversation, and moves the mark when another row is clicked', async () => {
    const user = userEvent.setup();
    const third = conversations[2]!;
    const { account, router } = await renderList({ path: (a) => `/a/${a.id}/c/${third.id}` });
    const all = await rows();
    expect(all.filter((row) => row.getAttribute('aria-current') === 'page')).toEqual([all[2]]);

    await user.click(all[4]!);
    expect(router.state.location.pathname).toBe(`/a/${account.id}/c/${conversations[4]!.id}`);
    await expect.poll(() => all[4]!.getAttribute('aria-current')).toBe('page');
    expect(all[2]).not.toHaveAttribute('aria-current');
  });

  it('moves focus between rows with the arrow keys, Home and End, and lets Tab reach one row', async () => {
    const user = userEvent.setup();
    await renderList();
    const all = await rows();
    expect(all.filter((row) => row.tabIndex === 0)).toHaveLength(1);

    await user.click(screen.getByRole('searchbox', { name: 'Filter conversations' }));
    await user.keyboard('{ArrowDown}');
    expect(all[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(all[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(all[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(all[all.length - 1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(all[0]).toHaveFocus();
    expect(all.filter((row) => row.tabIndex === 0)).toEqual([all[0]]);
  });

  it('scrolls a row that is out of view into view before focusing it, and keeps one row tabbable', async () => {
    const user = userEvent.setup();
    // Ten rows in view: the end of the list is not rendered at first.
    await renderList({ viewportHeight: 560 });
    const rendered = await rows();
    expect(rendered.length).toBeLessThan(conversations.length);
    const first = rendered[0]!;
    expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('aria-posinset', '1');
    expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', String(conversations.length));

    first.focus();
    await user.keyboard('{End}');
    await expect
      .poll(() => document.activeElement?.getAttribute('data-row-index'))
      .toBe(String(conversations.length - 1));
    const last = document.activeElement!;
    expect(last.closest('[role="listitem"]')).toHaveAttribute('aria-posinset', String(conversations.length));
    expect((await rows()).filter((row) => row.tabIndex === 0)).toEqual([last]);

    await user.keyboard('{Home}');
    await expect.poll(() => document.activeElement?.getAttribute('data-row-index')).toBe('0');
    expect((await rows()).filter((row) => row.tabIndex === 0)).toEqual([document.activeElement]);
  });

  it('comes back with the same filter after a visit to another page', async () => {
    const user = userEvent.setup();
    const { account, router } = await renderList();
    await rows();
    const query = conversations.find((c) => c.name && c.private)!.name!.slice(0, 4);
    await user.click(screen.getByRole('button', { name: 'Private' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter conversations' }), query);
    const filtered = await titles();
    expect(filtered.length).toBeGreaterThan(0);

    await act(() => router.navigate(`/a/${account.id}/users`));
    expect(screen.queryByRole('navigation', { name: 'Conversations' })).not.toBeInTheDocument();
    await act(() => router.navigate(`/a/${account.id}`));
    expect(screen.getByRole('searchbox', { name: 'Filter conversations' })).toHaveValue(query);
    expect(screen.getByRole('button', { name: 'Private' })).toHaveAttribute('aria-pressed', 'true');
    expect(await titles()).toEqual(filtered);
  });
});
