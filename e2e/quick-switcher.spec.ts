import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { conversationList, expectOpenAfterReload } from './inbox-page';

const switcher = (page: Page) => page.getByRole('dialog', { name: 'Jump to' });
const search = (page: Page) => switcher(page).getByRole('combobox', { name: 'Search conversations and people' });

async function openInbox(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/a\/[^/]+$/);
  await expect(conversationList(page).getByRole('link').first()).toBeVisible();
}

async function openSwitcher(page: Page) {
  await page.keyboard.press('ControlOrMeta+k');
  await expect(switcher(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
}

test('Ctrl+K opens the switcher on the recent conversations, and it is accessible', async ({ page }) => {
  await openInbox(page);
  await openSwitcher(page);
  const options = switcher(page).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  expect(await options.count()).toBeGreaterThan(3);
  expect(await options.count()).toBeLessThanOrEqual(12);
  await expect(search(page)).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(switcher(page)).toBeHidden();
});

test('typing a conversation’s name and Enter opens it, and a reload keeps it open', async ({ page }) => {
  await openInbox(page);
  await openSwitcher(page);
  await search(page).fill('engineer');
  const first = switcher(page).getByRole('option').first();
  await expect(first).toContainText('engineering');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(switcher(page)).toBeHidden();
  await expect(page).toHaveURL(/\/a\/[^/]+\/c\/[^/]+$/);
  const row = conversationList(page).getByRole('link', { name: /^engineering/ });
  await expect(row).toHaveAttribute('aria-current', 'page');
  // Where the person goes next: the message box, not the page's body.
  await expect(page.getByRole('textbox', { name: 'Message #engineering' })).toBeFocused();
  await expectOpenAfterReload(page, /^engineering/);
});

test('typing a person’s name, arrowing to them and Enter opens their profile', async ({ page }) => {
  await openInbox(page);
  // Someone from a direct message: the first name in its title.
  const direct = conversationList(page).getByRole('link').filter({ hasText: 'Direct message' }).first();
  // The title is a placeholder until the directory has loaded the names.
  const title = direct.locator('span.truncate').first();
  await expect.poll(async () => ((await title.textContent()) ?? '').trim()).not.toBe('');
  const person = (await title.textContent())!.split(',')[0]!.trim();

  await openSwitcher(page);
  await search(page).fill(person);
  const people = switcher(page).getByRole('group', { name: 'People' }).getByRole('option');
  await expect(people.first()).toContainText(person);
  const before = await switcher(page).getByRole('group', { name: 'Conversations' }).getByRole('option').count();
  for (let i = 0; i < before; i++) await page.keyboard.press('ArrowDown');
  await expect(people.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/a\/[^/]+\/users\/[^/]+$/);
});

test('a click on a result opens it; a search with no result says so', async ({ page }) => {
  await openInbox(page);
  await openSwitcher(page);
  await search(page).fill('qqqqzzzz');
  await expect(switcher(page).getByText('No matches')).toBeVisible();
  await expect(switcher(page).getByRole('option')).toHaveCount(0);

  await search(page).fill('general');
  await switcher(page)
    .getByRole('option', { name: /^general/ })
    .click();
  await expect(switcher(page)).toBeHidden();
  await expect(conversationList(page).getByRole('link', { name: /^general/ })).toHaveAttribute('aria-current', 'page');
});

test('keys typed while a dialog is still loading end up in it, and trigger no other shortcut', async ({ page }) => {
  await openInbox(page);
  // At a person's speed, right after the shortcut, on a fresh page: the dialog's code loads meanwhile.
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('Google', { delay: 60 });
  await expect(search(page)).toHaveValue('Google');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(conversationList(page).getByRole('link').first()).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('launch-c?n', { delay: 60 });
  const dialog = page.getByRole('dialog', { name: 'New conversation' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('launch-c?n');
  await expect(page.getByRole('dialog')).toHaveCount(1);
});
