import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';
import { conversationList } from './inbox-page';

interface Person {
  id: string;
  name: string;
  email: string;
  bot: boolean;
  active: boolean;
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'New conversation' });
const search = (page: Page) => dialog(page).getByRole('combobox', { name: 'Add people' });

/** The first account's conversations page, and the people who can be added (not you, not bots, active). */
async function openInbox(page: Page) {
  const api = sandboxApi(page.request);
  const [account] = await api.get<{ id: string; origin_username: string }[]>('/accounts');
  const people = (await api.get<{ data: Person[] }>('/unified/messaging/users?page_size=100', account!.id)).data;
  const self = people.find((p) => p.email.toLowerCase() === account!.origin_username.toLowerCase())!;
  await page.goto(`/a/${account!.id}`);
  await expect(conversationList(page).getByRole('link').first()).toBeVisible();
  const others = people.filter((p) => p.id !== self.id && p.active && !p.bot);
  return { accountId: account!.id, people, self, others };
}

/** Adds someone the way a keyboard user does: type part of the name, Enter on the first match. */
async function add(page: Page, person: Person) {
  await search(page).fill(person.name);
  const first = dialog(page).getByRole('option').first();
  await expect(first).toContainText(person.name);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await search(page).press('Enter');
  await expect(dialog(page).getByRole('button', { name: `Remove ${person.name}` })).toBeVisible();
}

test('n opens the dialog; it creates a private group with three people, shown in the list and its details', async ({
  page,
}) => {
  const { accountId, self, others } = await openInbox(page);
  const chosen = others.slice(3, 6);
  const name = `e2e-private-group-${Date.now().toString(36)}`;

  await page.keyboard.press('n');
  await expect(dialog(page)).toBeVisible();
  const nameField = dialog(page).getByRole('textbox', { name: 'Name' });
  await expect(nameField).toBeFocused();
  await nameField.fill(name);
  await search(page).focus();
  for (const person of chosen) await add(page, person);
  // You always join, so you are never offered.
  await search(page).fill(self.name);
  await expect(dialog(page).getByText(`No one matches “${self.name}”.`)).toBeVisible();
  await search(page).fill('');
  const isPrivate = dialog(page).getByRole('checkbox', { name: 'Private' });
  await isPrivate.check();
  await expect(isPrivate).toBeChecked();
  await dialog(page).getByRole('button', { name: 'Create' }).click();
  // A channel cannot be renamed or deleted: its name is checked once more.
  await expect(dialog(page).getByText(/cannot be renamed or deleted once it is created/)).toBeVisible();
  await dialog(page)
    .getByRole('button', { name: `Create “${name}”` })
    .click();

  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/a/${accountId}/c/[^/?]+$`));
  const conversationId = new URL(page.url()).pathname.split('/').pop()!;

  // In the list: a new conversation has no activity yet, so find it by its name.
  await page.getByRole('searchbox', { name: 'Filter conversations' }).fill(name);
  const row = conversationList(page).getByRole('link', { name: new RegExp(`^${name}`) });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('aria-current', 'page');
  await expect(row).toHaveAttribute('href', new RegExp(`/c/${conversationId}$`));

  // In its details: the three people and you.
  await page.goto(`/a/${accountId}/c/${conversationId}?panel=details`);
  const panel = page.getByRole('complementary', { name: 'Conversation details' });
  await expect(panel).toBeVisible();
  const participants = panel.getByRole('list', { name: 'Participants' });
  await expect(participants.getByRole('listitem')).toHaveCount(4);
  for (const person of [...chosen, self]) await expect(participants).toContainText(person.name);
  await expect(panel).toContainText('Private channel');

  // And in the API, exactly once, private, with you and the three.
  const stored = await sandboxApi(page.request).get<{
    data: { participants: string[]; private: boolean; name: string };
  }>(`/unified/messaging/conversations/${conversationId}`, accountId);
  expect(stored.data).toMatchObject({ name, private: true });
  expect([...stored.data.participants].sort()).toEqual([self.id, ...chosen.map((p) => p.id)].sort());
});

test('the New conversation button opens an accessible dialog; Escape closes it and focus goes back', async ({
  page,
}) => {
  const { people, others } = await openInbox(page);
  const opener = page.getByRole('button', { name: 'New conversation' });
  await opener.click();
  await expect(dialog(page)).toBeVisible();

  await search(page).focus();
  await add(page, others[0]!);
  await add(page, others[1]!);
  // Inactive people are listed, marked, and cannot be added.
  const inactive = people.find((p) => !p.active)!;
  await search(page).fill(inactive.name);
  const option = dialog(page).getByRole('option', { name: new RegExp(inactive.name) });
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await expect(option).toContainText('Inactive');
  await search(page).press('Enter');
  await expect(dialog(page).getByRole('button', { name: `Remove ${inactive.name}` })).toHaveCount(0);
  await search(page).fill('');
  await search(page).press('ArrowDown');
  await expect(search(page)).toHaveAttribute('aria-expanded', 'true');

  const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(results.violations).toEqual([]);

  await search(page).press('Escape');
  await expect(search(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(opener).toBeFocused();
});

test('a taken name is said beside Name, and nothing is created', async ({ page }) => {
  await openInbox(page);
  await page.keyboard.press('n');
  await dialog(page).getByRole('textbox', { name: 'Name' }).fill('General');
  await dialog(page).getByRole('button', { name: 'Create' }).click();
  await dialog(page).getByRole('button', { name: 'Create “General”' }).click();
  const nameField = dialog(page).getByRole('textbox', { name: 'Name' });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/already exists/);
  await expect(nameField).toBeFocused();
});

test('Enter in Name creates nothing, text left in the people field is never dropped, and a channel is confirmed', async ({
  page,
}) => {
  const { accountId } = await openInbox(page);
  const name = `e2e-typo-${Date.now().toString(36)}`;
  const count = async () =>
    ((await sandboxApi(page.request).conversations(accountId)).data as { name: string | null }[]).filter(
      (c) => c.name === name,
    ).length;
  await page.keyboard.press('n');
  const nameField = dialog(page).getByRole('textbox', { name: 'Name' });
  await nameField.fill(name);
  await nameField.press('Enter');
  await expect(search(page)).toBeFocused();
  await expect(dialog(page)).toBeVisible();

  await search(page).pressSequentially('zzqx', { delay: 20 });
  await dialog(page).getByRole('button', { name: 'Create' }).click();
  await expect(search(page)).toHaveAccessibleDescription(/Pick someone for “zzqx” from the list, or clear the text/);
  await expect(search(page)).toHaveValue('zzqx');
  await search(page).fill('');

  await dialog(page).getByRole('button', { name: 'Create' }).click();
  const confirm = dialog(page).getByRole('button', { name: `Create “${name}”` });
  await expect(confirm).toBeVisible();
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  expect(await count()).toBe(0);
  // Changing the name asks again.
  await nameField.fill(`${name}-x`);
  await expect(dialog(page).getByRole('button', { name: 'Create', exact: true })).toBeVisible();
  await nameField.fill(name);
  await dialog(page).getByRole('button', { name: 'Create' }).click();
  await confirm.click();
  await expect(dialog(page)).toBeHidden();
  expect(await count()).toBe(1);
});

test('Start a group from a direct message’s details opens New conversation with that person picked; adding one makes the group', async ({
  page,
}) => {
  const { accountId, self, others } = await openInbox(page);
  const list = conversationList(page);
  const direct = list.getByRole('link').filter({ hasText: 'Direct message' }).first();
  await expect(direct).not.toContainText('Loading name');
  const href = (await direct.getAttribute('href'))!;
  const conversationId = href.split('/').pop()!;
  const stored = await sandboxApi(page.request).get<{ data: { participants: string[] } }>(
    `/unified/messaging/conversations/${conversationId}`,
    accountId,
  );
  const other = others.find((p) => stored.data.participants.includes(p.id) && p.id !== self.id)!;
  expect(other, 'the direct message is with someone who can be added').toBeTruthy();

  await page.goto(`/a/${accountId}/c/${conversationId}?panel=details`);
  const panel = page.getByRole('complementary', { name: 'Conversation details' });
  await panel.getByRole('button', { name: `Start a group with ${other.name}` }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: `Remove ${other.name}` })).toBeVisible();
  await expect(search(page)).toBeFocused();
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);

  const third = others.find((p) => p.id !== other.id)!;
  await add(page, third);
  await dialog(page).getByRole('button', { name: 'Create' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/a/${accountId}/c/[^/?]+$`));
  const groupId = new URL(page.url()).pathname.split('/').pop()!;
  expect(groupId).not.toBe(conversationId);
  const group = await sandboxApi(page.request).get<{ data: { participants: string[]; name: string | null } }>(
    `/unified/messaging/conversations/${groupId}`,
    accountId,
  );
  expect([...group.data.participants].sort()).toEqual([self.id, other.id, third.id].sort());
  expect(group.data.name ?? null).toBeNull();
});
