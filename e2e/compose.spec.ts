import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';

async function countMessages(request: APIRequestContext, accountId: string, conversationId: string, text: string) {
  const api = sandboxApi(request);
  const page = await api.messages(accountId, conversationId);
  return (page.data as { content: { plain: string } }[]).filter((m) => m.content.plain === text).length;
}

/** The inbox on the first account, and compose opened with `c`; #engineering (or a channel) to send to. */
async function openCompose(page: Page, request: APIRequestContext) {
  const api = sandboxApi(request);
  const [account] = await api.accounts();
  const conversations = (await api.conversations(account!.id)).data as { id: string; name: string | null }[];
  const channel = conversations.find((c) => c.name === 'engineering') ?? conversations.find((c) => c.name)!;
  await page.goto(`/a/${account!.id}`);
  await expect(page.locator('a[href*="/c/"]').first()).toBeVisible();
  await page.keyboard.press('c');
  return { api, account, channel, dialog: page.getByRole('dialog', { name: 'New message' }) };
}

test.describe('writing', () => {
  test('the composer sends with Enter, the message shows once and stays once after a reload', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const text = `Composer check ${Date.now()}`;
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    await box.fill(text);
    await box.press('Enter');
    await expect(box).toHaveValue('');
    await expect(page.locator('[data-message-id]').getByText(text)).toHaveCount(1, { timeout: 10_000 });
    await expect(page.locator('[data-pending-key]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-message-id]').getByText(text)).toHaveCount(1);
    expect(await countMessages(request, account.id, conversation.id, text)).toBe(1);
  });

  test('Shift+Enter adds a line; a draft survives a reload and is marked in the list', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    await box.fill('first line');
    await box.press('Shift+Enter');
    await box.pressSequentially('second line');
    await expect(box).toHaveValue('first line\nsecond line');
    await page.reload();
    await expect(page.getByRole('textbox', { name: `Message #${conversation.name}` })).toHaveValue(
      'first line\nsecond line',
    );
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText('Draft')).toBeVisible();
  });

  test('the compose dialog sends to a conversation and to a person, each exactly once', async ({ page, request }) => {
    const { api, account, channel, dialog } = await openCompose(page, request);
    await expect(dialog).toBeVisible();
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
    await dialog.getByRole('combobox', { name: 'To' }).fill(channel.name!);
    await dialog
      .getByRole('option', { name: new RegExp(`#${channel.name}`) })
      .first()
      .click();
    const toChannel = `To the channel ${Date.now()}`;
    await dialog.getByRole('textbox', { name: 'Message' }).fill(toChannel);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${channel.id}$`));
    await expect(page.locator('[data-message-id]').getByText(toChannel)).toHaveCount(1, { timeout: 10_000 });
    await expect(page.getByRole('textbox', { name: `Message #${channel.name}` })).toBeFocused();

    const users = (await api.get(`/unified/messaging/users?page_size=100`, account!.id)).data as {
      id: string;
      name: string;
      active: boolean;
      bot: boolean;
    }[];
    const person = users.filter((u) => u.active && !u.bot).at(-1)!;
    await page.getByRole('button', { name: 'Compose' }).click();
    await dialog.getByRole('combobox', { name: 'To' }).fill(person.name);
    await dialog
      .getByRole('option', { name: new RegExp(person.name) })
      .first()
      .click();
    const toPerson = `To a person ${Date.now()}`;
    await dialog.getByRole('textbox', { name: 'Message' }).fill(toPerson);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('[data-message-id]').getByText(toPerson)).toHaveCount(1, { timeout: 10_000 });
    await page.reload();
    await expect(page.locator('[data-message-id]').getByText(toPerson)).toHaveCount(1);
    const where = page.url().split('/c/')[1]!;
    expect(await countMessages(request, account!.id, where, toPerson)).toBe(1);
    expect(await countMessages(request, account!.id, channel.id, toChannel)).toBe(1);
  });

  test('compose puts focus where the person acts next: To, then the message; the missing-recipient note goes', async ({
    page,
    request,
  }) => {
    const { channel, dialog } = await openCompose(page, request);
    const to = dialog.getByRole('combobox', { name: 'To' });
    await expect(to).toBeFocused();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText('Choose who gets the message.')).toBeVisible();
    await to.pressSequentially(channel.name!, { delay: 20 });
    await expect(dialog.getByRole('option', { name: new RegExp(`#${channel.name}`) }).first()).toBeVisible();
    await to.press('Enter');
    await expect(dialog.getByRole('textbox', { name: 'Message' })).toBeFocused();
    await expect(dialog.getByText('Choose who gets the message.')).toHaveCount(0);
    // Removing the recipient goes back to To.
    await dialog.getByRole('button', { name: new RegExp(`^Remove #${channel.name}`) }).click();
    await expect(to).toBeFocused();
    await page.keyboard.press('Escape');
  });

  test('compose keeps its draft on Esc, a click outside and a reload; Discard drops it', async ({ page, request }) => {
    const { channel, dialog } = await openCompose(page, request);
    const to = dialog.getByRole('combobox', { name: 'To' });
    await to.pressSequentially(channel.name!, { delay: 20 });
    await expect(dialog.getByRole('option', { name: new RegExp(`#${channel.name}`) }).first()).toBeVisible();
    await to.press('Enter');
    const message = dialog.getByRole('textbox', { name: 'Message' });
    await message.pressSequentially('Half a thought', { delay: 20 });
    await expect(dialog.getByText('Closing keeps this as a draft.')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('c');
    await expect(dialog.getByRole('button', { name: new RegExp(`^Remove #${channel.name}`) })).toBeVisible();
    await expect(message).toHaveValue('Half a thought');
    await expect(message).toBeFocused();
    await message.pressSequentially(', finished');

    await page.mouse.click(5, 5);
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(page.locator('a[href*="/c/"]').first()).toBeVisible();
    await page.keyboard.press('c');
    await expect(message).toHaveValue('Half a thought, finished');
    await expect(dialog.getByRole('button', { name: new RegExp(`^Remove #${channel.name}`) })).toBeVisible();

    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();
    await page.keyboard.press('c');
    await expect(to).toBeFocused();
    await expect(message).toHaveValue('');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  });

  test('compose offers only what can work: each person once, no address outside the account', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const [account] = await api.accounts();
    await page.goto(`/a/${account!.id}`);
    const list = page.getByRole('navigation', { name: 'Conversations' });
    const direct = list.getByRole('link').filter({ hasText: 'Direct message' }).first();
    await expect(direct).toBeVisible();
    await expect(direct).not.toContainText('Loading name');
    const name = (await direct.locator('.truncate').first().textContent())!.trim();

    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'New message' });
    const to = dialog.getByRole('combobox', { name: 'To' });
    await to.pressSequentially(name, { delay: 20 });
    const options = dialog.getByRole('option', { name: new RegExp(`^${name}`) });
    await expect(options.first()).toBeVisible();
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('Direct message');

    await to.fill('nobody@example.com');
    await expect(dialog.getByRole('status')).toHaveText(
      'No one in this account has the address “nobody@example.com”. A message can go to a conversation or a person of this account.',
    );
    await expect(dialog.getByRole('option')).toHaveCount(0);
    await expect(to).toHaveAccessibleDescription(/No one in this account has the address/);
    await page.keyboard.press('Escape');
  });

  test('the shortcuts help lists every shortcut and is accessible', async ({ page, request }) => {
    const [account] = await sandboxApi(request).accounts();
    await page.goto(`/a/${account!.id}`);
    await expect(page.locator('a[href*="/c/"]').first()).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const does of ['Compose a message', 'New conversation', 'Quick switcher'])
      await expect(dialog.getByText(new RegExp(does))).toBeVisible();
    expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  });
});

test.describe('sending through failures', () => {
  test.afterEach(async ({ request }) => {
    await request.delete('/sandbox/_faults');
  });

  test('a send that the server stored but answered 500 shows failed, survives a reload, and Retry delivers it once', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    // Every automatic attempt is stored (the first) or replayed (the rest), and each answer is a 500.
    const faults = await request.put('/sandbox/_faults', {
      data: [{ operation: 'send_message', kind: 'store-then-500', count: 4 }],
    });
    expect(faults.ok()).toBe(true);

    const text = `Through failures ${Date.now()}`;
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    await box.fill(text);
    await box.press('Enter');
    const pending = page.locator('[data-pending-key]');
    await expect(pending.getByText(text)).toBeVisible();
    await expect(pending.getByRole('alert')).toContainText('Not sent', { timeout: 30_000 });

    await page.reload();
    await expect(page.locator('[data-pending-key]').getByRole('alert')).toContainText('Not sent');
    await request.delete('/sandbox/_faults');
    await page.locator('[data-pending-key]').getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('[data-message-id]').getByText(text)).toHaveCount(1, { timeout: 15_000 });
    await expect(page.locator('[data-pending-key]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-message-id]').getByText(text)).toHaveCount(1);
    expect(await countMessages(request, account.id, conversation.id, text)).toBe(1);
  });

  test('a rejected send (4xx) fails at once with the server’s words and can be discarded', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    await box.fill('x'.repeat(40_001));
    await box.press('Enter');
    const failed = page.locator('[data-pending-key]').getByRole('alert');
    await expect(failed).toContainText('limit is 40000');
    await page.locator('[data-pending-key]').getByRole('button', { name: 'Discard' }).click();
    await expect(page.locator('[data-pending-key]')).toHaveCount(0);
  });
});
