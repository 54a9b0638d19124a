// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationQueries } from '../../api/conversations';
import type { User } from '../../contract/models';
import { installInProcessServer } from '../../test/in-process-fetch';
import { chips, createButton, createChannel, dialog, nameField, options, renderOpener, search } from './testing';

let server: ReturnType<typeof installInProcessServer>;
let serverFetch: typeof fetch;

/** Idempotency-Keys of the create requests, in order. */
let sentKeys: string[] = [];
/** What the network does with the next create requests: deliver, lose the request, or lose the answer. */
let plan: ('deliver' | 'drop-request' | 'drop-answer' | { hold: Promise<void> })[] = [];

beforeAll(() => {
  server = installInProcessServer();
  serverFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const creating = init?.method === 'POST' && String(input).startsWith('/api/unified/messaging/conversations');
    if (!creating) return serverFetch(input, init);
    sentKeys.push(new Headers(init.headers).get('idempotency-key') ?? '');
    const step = plan.shift() ?? 'deliver';
    if (step === 'drop-request') throw new TypeError('Failed to fetch');
    if (typeof step === 'object') await step.hold;
    const response = await serverFetch(input, init);
    if (step === 'drop-answer') throw new TypeError('Failed to fetch');
    return response;
  };
});
afterAll(() => {
  globalThis.fetch = serverFetch;
  server.restore();
});
beforeEach(() => {
  sentKeys = [];
  plan = [];
});
afterEach(cleanup);

const conversationCount = () => (server.db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n;
const byName = (accountId: string, name: string) => server.store.conversations.findByName(accountId, name);

async function open() {
  const user = userEvent.setup();
  const view = await renderOpener();
  await user.click(screen.getByRole('button', { name: 'New conversation' }));
  expect(dialog()).toHaveAccessibleDescription('Name a channel, or add people for a direct or group message.');
  expect(nameField()).toHaveFocus();
  const people = view.users.filter(
    (u): u is User & { id: string } => Boolean(u.id) && u.id !== view.selfId && u.active !== false && !u.bot,
  );
  return { user, ...view, people };
}

/** Adds someone by typing their email and pressing Enter. */
async function addByKeyboard(user: ReturnType<typeof userEvent.setup>, person: User) {
  await user.click(search());
  await user.keyboard(person.email!);
  await waitFor(() => expect(options()[0]).toHaveTextContent(person.name!));
  expect(search()).toHaveAttribute('aria-activedescendant', options()[0]!.id);
  await user.keyboard('{Enter}');
}

describe('NewConversationDialog', () => {
  it('validates before sending: a name or someone, no name of spaces, at most 80 characters', async () => {
    const { user, people } = await open();
    const before = conversationCount();

    await user.click(createButton());
    expect(search()).toHaveAttribute('aria-invalid', 'true');
    expect(search()).toHaveAccessibleDescription(/Add at least one person, or give the conversation a name\./);
    expect(search()).toHaveFocus();

    await user.type(nameField(), '   ');
    await user.click(createButton());
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription(/A name can’t be only spaces\./);
    expect(nameField()).toHaveFocus();
    await addByKeyboard(user, people[0]!);
    await user.click(createButton());
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');

    await user.clear(nameField());
    await user.type(nameField(), 'x'.repeat(81));
    // A name that is too long is said at once, before anyone presses Create.
    expect(nameField()).toHaveAccessibleDescription(/Names can be at most 80 characters; this one has 81\./);
    await user.click(createButton());
    expect(nameField()).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(nameField()).not.toHaveAttribute('aria-invalid');
    expect(sentKeys).toEqual([]);
    expect(conversationCount()).toBe(before);
  });

  it('picks people by keyboard, marks bots, never offers you, and Backspace removes the last chip', async () => {
    const { user, users, selfId, people } = await open();
    const [first, second] = people;

    // ↓ opens the whole directory; ↓ again moves to the second person; Enter adds them.
    await user.click(search());
    await user.keyboard('{Escape}');
    expect(search()).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    expect(search()).toHaveAttribute('aria-expanded', 'true');
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    const pointed = options()[1]!;
    expect(pointed).toHaveAttribute('aria-selected', 'true');
    expect(search()).toHaveAttribute('aria-activedescendant', pointed.id);
    const pointedName = people.find((p) => pointed.textContent!.includes(p.name!))!.name!;
    await user.keyboard('{Enter}');
    expect(chips()).toEqual([pointedName]);

    // Typing narrows by name, username or email, without accents or case.
    await user.keyboard('{Escape}');
    await addByKeyboard(user, first!.name === pointedName ? second! : first!);
    expect(chips()).toHaveLength(2);
    expect(within(dialog()).getByRole('list', { name: 'People to add' })).toBeInTheDocument();

    // You always join, so you are not offered.
    const self = users.find((u) => u.id === selfId)!;
    await user.keyboard(self.name!);
    expect(within(dialog()).getByText(`No one matches “${self.name}”.`)).toBeInTheDocument();
    await user.clear(search());

    const bot = users.find((u) => u.bot && u.active !== false)!;
    await user.keyboard(bot.username!);
    const botOption = options().find((o) => o.textContent!.includes(bot.name!))!;
    expect(within(botOption).getByText('Bot')).toBeInTheDocument();
    await user.clear(search());

    // Backspace in the empty box takes back the last one; a chip's own button removes it too.
    const [, last] = chips();
    await user.keyboard('{Backspace}');
    expect(chips()).toEqual([pointedName]);
    expect(screen.getByText(`${last} removed.`)).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: `Remove ${pointedName}` }));
    expect(chips()).toEqual([]);
    expect(search()).toHaveFocus();
  });

  it('shows inactive people but never adds them', async () => {
    const { user, users } = await open();
    const inactive = users.find((u) => u.active === false && !u.bot)!;
    await user.click(search());
    await user.keyboard(inactive.name!);
    const option = options().find((o) => o.textContent!.includes(inactive.name!))!;
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(within(option).getByText('Inactive')).toBeInTheDocument();
    expect(options()[0]).toBe(option);

    await user.keyboard('{Enter}');
    expect(chips()).toEqual([]);
    expect(screen.getByText(`${inactive.name} is inactive and can’t be added.`)).toBeInTheDocument();
    await user.click(option);
    expect(chips()).toEqual([]);
  });

  it('Escape closes an open list first, then the dialog, and focus goes back to the opener', async () => {
    const { user } = await open();
    await user.click(search());
    await user.keyboard('a');
    expect(search()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(search()).toHaveAttribute('aria-expanded', 'false');
    expect(dialog()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'New conversation' })).toHaveFocus());
  });

  it('creates a private channel with two people, shows “Creating…”, then opens it and refreshes the list', async () => {
    const { user, account, selfId, people, router, queryClient } = await open();
    await queryClient.fetchInfiniteQuery(conversationQueries.list(account.id));
    const [a, b] = people;

    await user.type(nameField(), '  Launch Zeta ');
    await addByKeyboard(user, a!);
    await addByKeyboard(user, b!);
    const isPrivate = within(dialog()).getByRole('checkbox', { name: 'Private' });
    expect(isPrivate).not.toBeChecked();
    await user.click(isPrivate);
    expect(createButton()).toHaveAccessibleDescription(
      'Creates a private channel named “Launch Zeta” with you and 2 others.',
    );

    let release!: () => void;
    plan = [{ hold: new Promise<void>((resolve) => (release = resolve)) }];
    await createChannel(user);
    expect(createButton()).toHaveTextContent('Creating…');
    expect(createButton()).toBeDisabled();
    release();

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = byName(account.id, 'Launch Zeta')!;
    expect(row).toBeDefined();
    expect(router.state.location.pathname).toBe(`/a/${account.id}/c/${row.id}`);
    expect(await screen.findByText(`Conversation ${row.id} at /a/${account.id}/c/${row.id}`)).toBeInTheDocument();
    expect(JSON.parse(row.participants)).toEqual([selfId, a!.id, b!.id]);
    expect(row.private).toBe(1);
    expect(sentKeys).toHaveLength(1);
    expect(sentKeys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(queryClient.getQueryState(conversationQueries.list(account.id).queryKey)?.isInvalidated).toBe(true);
  });

  it('without a name, one person opens a direct message and the Private toggle is fixed on', async () => {
    const { user, account, selfId, people, router } = await open();
    const isPrivate = within(dialog()).getByRole('checkbox', { name: 'Private' });
    expect(isPrivate).toBeChecked();
    expect(isPrivate).toBeDisabled();
    expect(isPrivate).toHaveAccessibleDescription('Direct and group messages are always private.');

    const person = people[people.length - 1]!;
    await addByKeyboard(user, person);
    await user.click(createButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const direct = server.store.conversations.findDirect(account.id, [selfId!, person.id])!;
    expect(router.state.location.pathname).toBe(`/a/${account.id}/c/${direct.id}`);
    expect(direct.private).toBe(1);
  });

  it('shows a taken name (409) beside Name, and a refused person (422) beside the picker', async () => {
    const first = await open();
    await first.user.type(nameField(), 'Zeta Review');
    await createChannel(first.user);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(byName(first.account.id, 'Zeta Review')).toBeDefined();
    cleanup();

    const { user, account, people } = await open();
    const before = conversationCount();
    // Enter in the Name field goes on to the people; nothing is created until Create, twice for a channel.
    await user.type(nameField(), 'zeta review{Enter}');
    expect(search()).toHaveFocus();
    expect(conversationCount()).toBe(before);
    await createChannel(user);
    await waitFor(() => expect(nameField()).toHaveAttribute('aria-invalid', 'true'));
    expect(nameField()).toHaveAccessibleDescription(/A conversation named "zeta review" already exists/);
    expect(nameField()).toHaveFocus();
    expect(createButton()).toHaveTextContent('Create');
    await user.type(nameField(), ' 2');
    expect(nameField()).not.toHaveAttribute('aria-invalid');

    // Someone who leaves between being picked and Create.
    const leaver = people[1]!;
    await addByKeyboard(user, leaver);
    server.db.prepare('UPDATE users SET active = 0 WHERE account_id = ? AND id = ?').run(account.id, leaver.id);
    await createChannel(user);
    await waitFor(() => expect(search()).toHaveAttribute('aria-invalid', 'true'));
    expect(search()).toHaveAccessibleDescription(`Inactive users cannot join a conversation: ${leaver.name}`);
    expect(conversationCount()).toBe(before);
    expect(new Set(sentKeys).size).toBe(sentKeys.length);
    server.db.prepare('UPDATE users SET active = 1 WHERE account_id = ? AND id = ?').run(account.id, leaver.id);
  });

  it('says a lost request above the buttons, and Create again reuses its Idempotency-Key: created exactly once', async () => {
    const { user, account, people, router } = await open();
    await user.type(nameField(), 'Retry Room');
    await addByKeyboard(user, people[2]!);

    plan = ['drop-request', 'drop-answer', 'deliver'];
    await createChannel(user);
    expect(await within(dialog()).findByRole('alert')).toHaveTextContent(
      'The conversation could not be created: Could not reach the inbox server. Check your connection. Try again.',
    );
    await user.click(createButton());
    // The server stored it this time, but the answer was lost.
    await waitFor(() => expect(sentKeys).toHaveLength(2));
    await waitFor(() => expect(createButton()).toHaveTextContent('Create'));
    expect(within(dialog()).getByRole('alert')).toBeInTheDocument();
    expect(byName(account.id, 'Retry Room')).toBeDefined();

    await user.click(createButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(new Set(sentKeys).size).toBe(1);
    expect(sentKeys).toHaveLength(3);
    const rows = server.db
      .prepare('SELECT id FROM conversations WHERE account_id = ? AND name = ?')
      .all(account.id, 'Retry Room') as { id: string }[];
    expect(rows).toHaveLength(1);
    expect(router.state.location.pathname).toBe(`/a/${account.id}/c/${rows[0]!.id}`);
  });
});
