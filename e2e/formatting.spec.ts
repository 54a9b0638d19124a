import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';

const axe = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  expect((await (include ? builder.include(include) : builder).analyze()).violations).toEqual([]);
};

const sentMessage = (page: Page, text: string) => page.locator('[data-message-id]').filter({ hasText: text });

test.describe('formatting in the composer', () => {
  test('Markdown is sent as typed, previewed, and shown formatted in the thread', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    const stamp = Date.now();

    // Toolbar shortcuts wrap the selection or put the caret between the markers.
    await box.fill(`Release ${stamp}`);
    await box.press('Control+b');
    await box.pressSequentially('ready');
    await box.press('ArrowRight');
    await box.press('ArrowRight');
    await box.pressSequentially(' now');
    await expect(box).toHaveValue(`Release ${stamp}**ready** now`);
    await box.fill(
      `Release ${stamp} is **ready**, _see_ ~~old~~ \`npm start\` and [the notes](https://example.com/notes) <b>raw</b>\n- one\n- two`,
    );
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 7));
    await page.getByRole('button', { name: 'Italic' }).click();
    await expect(box).toHaveValue(new RegExp(`^_Release_ ${stamp}`));
    await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', /Ctrl\+B|⌘B/);

    // The preview shows what the thread will.
    await box.press('Control+Shift+P');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.locator('strong')).toHaveText('ready');
    await expect(preview.locator('em').first()).toHaveText('Release');
    await expect(preview.locator('li')).toHaveText(['one', 'two']);
    await expect(preview.getByRole('link', { name: 'the notes' })).toHaveAttribute('href', 'https://example.com/notes');
    await expect(preview.locator('b')).toHaveCount(0);
    await expect(preview).toContainText('<b>raw</b>');
    await expect(page.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
    await axe(page);

    await box.press('Enter');
    await expect(box).toHaveValue('');
    const message = sentMessage(page, `Release ${stamp}`);
    await expect(message.locator('strong')).toHaveText('ready', { timeout: 10_000 });
    await expect(message.locator('s')).toHaveText('old');
    await expect(message.locator('code')).toHaveText('npm start');
    await expect(message.locator('li')).toHaveText(['one', 'two']);
    await expect(message.getByRole('link', { name: 'the notes' })).toHaveAttribute('href', 'https://example.com/notes');
    await expect(message).toContainText('<b>raw</b>');

    const stored = (await api.messages(account.id, conversation.id)).data as {
      content: { plain: string; html: string };
    }[];
    const sent = stored.find((m) => m.content.plain.includes(`${stamp} is **ready**`))!;
    expect(sent.content.plain).toContain('<b>raw</b>\n- one');
    expect(sent.content.html).toContain('<strong>ready</strong>');
    expect(sent.content.html).toContain('&lt;b&gt;raw&lt;/b&gt;');
  });

  test('shortcodes become emoji when sent, outside code', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    const stamp = Date.now();

    await box.fill(`Shipped ${stamp} :tada: :+1: :thumbsup: :smile: \`:tada:\` :nope:`);
    await box.press('Enter');
    await expect(sentMessage(page, `Shipped ${stamp}`)).toContainText(`Shipped ${stamp} 🎉 👍 👍 😄 :tada: :nope:`, {
      timeout: 10_000,
    });
    const stored = (await api.messages(account.id, conversation.id)).data as { content: { plain: string } }[];
    expect(stored.some((m) => m.content.plain === `Shipped ${stamp} 🎉 👍 👍 😄 \`:tada:\` :nope:`)).toBe(true);
  });

  test('the emoji autocomplete and the picker insert at the caret', async ({ page, request }) => {
    const { account, conversation } = await sandboxApi(request).generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    const stamp = Date.now();

    // `:` and two letters offer emoji; Tab takes the active one.
    await box.pressSequentially(`Party ${stamp} :tad`);
    const list = page.getByRole('listbox', { name: 'Emoji' });
    await expect(list.getByRole('option').first()).toContainText(':tada:');
    await axe(page, 'form');
    await box.press('Tab');
    await expect(box).toHaveValue(`Party ${stamp} 🎉 `);

    // The picker: searchable, keyboard driven, Escape gives the focus back.
    await page.getByRole('button', { name: 'Emoji' }).click();
    const picker = page.getByRole('dialog', { name: 'Emoji picker' });
    const search = picker.getByRole('combobox', { name: 'Search emoji' });
    await expect(search).toBeFocused();
    await expect(picker.getByRole('option').first()).toBeVisible();
    await axe(page, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    await expect(box).toBeFocused();
    await page.getByRole('button', { name: 'Emoji' }).click();
    await search.fill('rocket');
    await expect(picker.getByRole('option', { name: /:rocket:/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(picker).toBeHidden();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(`Party ${stamp} 🎉 🚀`);
  });

  test('@ opens a people list chosen with the keyboard; the mention shows in the thread', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const detail = await api.get<{ data: { participants: string[] } }>(
      `/unified/messaging/conversations/${conversation.id}`,
      account.id,
    );
    let person: { name: string; username: string } | null = null;
    for (const id of detail.data.participants.slice(1, 12)) {
      const user = (
        await api.get<{ data: { name: string; username: string | null } }>(`/unified/messaging/users/${id}`, account.id)
      ).data;
      if (user.username && user.name) {
        person = { name: user.name, username: user.username };
        break;
      }
    }
    expect(person).not.toBeNull();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    const stamp = Date.now();

    await box.pressSequentially(`Ping ${stamp} @${person!.username}`);
    const people = page.getByRole('listbox', { name: 'People' });
    await expect(people.getByRole('option').first()).toContainText(person!.name);
    await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
    await axe(page, 'form');
    // Escape dismisses the list without leaving the box or clearing it.
    await box.press('Escape');
    await expect(people).toBeHidden();
    await expect(box).toHaveValue(`Ping ${stamp} @${person!.username}`);
    await box.press('Backspace');
    await expect(people.getByRole('option').first()).toContainText(person!.name);
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect(box).toHaveValue(`Ping ${stamp} @${person!.name} `);
    await box.press('Enter');
    const mention = sentMessage(page, `Ping ${stamp}`).locator('.mention');
    await expect(mention).toHaveText(`@${person!.name}`, { timeout: 10_000 });
  });

  test('the compose dialog has the same toolbar, shortcodes and mentions', async ({ page, request }) => {
    const api = sandboxApi(request);
    const [account] = await api.accounts();
    await page.goto(`/a/${account!.id}`);
    await expect(page.locator('a[href*="/c/"]').first()).toBeVisible();
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'New message' });
    const message = dialog.getByRole('textbox', { name: 'Message' });
    await message.fill('Hello :wave:');
    await message.press('Control+b');
    await expect(message).toHaveValue('Hello :wave:****');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText('Hello 👋');
    await axe(page, '[role="dialog"]');
    // Escape with the emoji picker open closes the picker, not the dialog.
    await dialog.getByRole('button', { name: 'Emoji' }).click();
    await expect(page.getByRole('dialog', { name: 'Emoji picker' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Emoji picker' })).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(message).toBeFocused();
  });
});
