import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

interface Person {
  id: string;
  name: string;
  username: string;
  email: string;
  bot: boolean;
  active: boolean;
}

/** Opens the inbox and returns the account it chose, with its people as the API lists them. */
async function openInbox(page: Page) {
  await page.goto('/');
  await page.waitForURL(/\/a\/[^/]+/);
  const accountId = new URL(page.url()).pathname.split('/')[2]!;
  const answer = await page.request.get('/api/unified/messaging/users?page_size=100', {
    headers: { 'x-account-id': accountId },
  });
  expect(answer.ok()).toBe(true);
  const people = ((await answer.json()) as { data: Person[] }).data;
  return { accountId, people };
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

const directory = (page: Page) => page.getByRole('list', { name: 'People' });
const row = (page: Page, name: string) => directory(page).getByRole('link', { name: new RegExp(`^${name}`) });

test('browse people from the rail, scroll the directory and open a profile', async ({ page }) => {
  const { accountId, people } = await openInbox(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(`/a/${accountId}/users`);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(row(page, people[0]!.name)).toBeVisible();
  await expect(page.getByText(`${people.length} people`)).toBeVisible();
  await expectAccessible(page);

  // Only the rows in view are in the page; scrolling brings in the rest.
  const last = people.at(-1)!;
  await expect(row(page, last.name)).toHaveCount(0);
  await directory(page).hover();
  for (let i = 0; i < 20 && (await row(page, last.name).count()) === 0; i++) await page.mouse.wheel(0, 800);
  await expect(row(page, last.name)).toBeVisible();
  await expect(row(page, people[0]!.name)).toHaveCount(0);

  await row(page, last.name).click();
  await expect(page).toHaveURL(`/a/${accountId}/users/${last.id}`);
  await expect(page.getByRole('heading', { name: last.name, level: 2 })).toBeVisible();
  // The list stays where it was, with the open profile marked.
  await expect(row(page, last.name)).toHaveAttribute('aria-current', 'page');
  await expect(row(page, last.name)).toBeInViewport();
  await expect(page.getByRole('link', { name: last.email })).toHaveAttribute('href', `mailto:${last.email}`);
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: last.name, level: 2 })).toBeVisible();
  await expect(row(page, last.name)).toHaveAttribute('aria-current', 'page');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
});

test('the arrow keys move through the directory', async ({ page }) => {
  const { accountId, people } = await openInbox(page);
  await page.goto(`/a/${accountId}/users`);
  // The rows must be there before the arrow key can move into them.
  await expect(row(page, people[0]!.name)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search people' }).press('ArrowDown');
  await expect(row(page, people[0]!.name)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, people[1]!.name)).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, people.at(-1)!.name)).toBeFocused();
  await expect(row(page, people.at(-1)!.name)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(row(page, people[0]!.name)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/a/${accountId}/users/${people[0]!.id}`);
});

test('search keeps its text in the URL, through a profile and a reload', async ({ page }) => {
  const { accountId, people } = await openInbox(page);
  const bot = people.find((p) => p.username === 'github') ?? people.find((p) => p.bot)!;
  await page.goto(`/a/${accountId}/users`);
  await page.getByRole('searchbox', { name: 'Search people' }).fill(bot.username);
  await expect(page).toHaveURL(`/a/${accountId}/users?q=${bot.username}`);
  await expect(directory(page).getByRole('link')).toHaveCount(1);
  await expect(row(page, bot.name).getByText('Bot')).toBeVisible();

  await row(page, bot.name).click();
  await expect(page).toHaveURL(`/a/${accountId}/users/${bot.id}?q=${bot.username}`);
  await expect(page.getByRole('heading', { name: bot.name, level: 2 })).toBeVisible();

  await page.goto(`/a/${accountId}/users?q=${bot.username}`);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search people' })).toHaveValue(bot.username);
  await expect(directory(page).getByRole('link')).toHaveCount(1);

  const inactive = people.find((p) => !p.active && !p.bot)!;
  await page.getByRole('searchbox', { name: 'Search people' }).fill(inactive.email);
  await expect(row(page, inactive.name).getByText('Inactive')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search people' }).fill('zzqx nobody');
  await expect(page.getByText('No one matches “zzqx nobody”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page).toHaveURL(`/a/${accountId}/users`);
  await expect(directory(page).getByRole('link').first()).toBeVisible();
});

test('on a narrow screen, the directory and a profile take turns', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { accountId, people } = await openInbox(page);
  const person = people.find((p) => p.active && !p.bot)!;
  await page.goto(`/a/${accountId}/users?q=${encodeURIComponent(person.username)}`);
  await row(page, person.name).click();
  await expect(page.getByRole('heading', { name: person.name, level: 2 })).toBeVisible();
  await expect(directory(page)).toBeHidden();
  await page.getByRole('link', { name: 'Back to people' }).click();
  await expect(page).toHaveURL(`/a/${accountId}/users?q=${encodeURIComponent(person.username)}`);
  await expect(row(page, person.name)).toBeVisible();
  await expectAccessible(page);
});

test('"Message" opens the direct conversation; a stranger\'s link says who is missing', async ({ page }) => {
  const { accountId, people } = await openInbox(page);
  const accounts = (await (await page.request.get('/api/accounts')).json()) as {
    id: string;
    origin_username: string;
  }[];
  const self = people.find((p) => p.email === accounts.find((a) => a.id === accountId)!.origin_username)!;
  const answer = await page.request.get('/api/unified/messaging/conversations?page_size=50', {
    headers: { 'x-account-id': accountId },
  });
  const conversations = (
    (await answer.json()) as { data: { id: string; name?: string | null; participants: string[] }[] }
  ).data;
  const direct = conversations.find((c) => !c.name && c.participants.length === 2 && c.participants.includes(self.id))!;
  const other = people.find((p) => p.id === direct.participants.find((id) => id !== self.id))!;

  await page.goto(`/a/${accountId}/users/${other.id}`);
  await expect(page.getByRole('heading', { name: other.name, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Message' }).click();
  await expect(page).toHaveURL(`/a/${accountId}/c/${direct.id}`);

  await page.goto(`/a/${accountId}/users/not-a-person`);
  await expect(page.getByRole('heading', { name: 'This person is not in this account' })).toBeVisible();
  await page.getByRole('link', { name: 'See everyone' }).click();
  await expect(page).toHaveURL(`/a/${accountId}/users`);
});

test('the directory picks several people (Space or a checkbox) and starts a group with them', async ({ page }) => {
  const { accountId } = await openInbox(page);
  await page.goto(`/a/${accountId}/users`);
  const list = page.getByRole('list', { name: 'People' });
  const boxes = list.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const firstBox = boxes.nth(0);
  const firstName = (await firstBox.getAttribute('aria-label'))!.replace(/^Pick (.*) for a group$/, '$1');
  await firstBox.check();
  // The next pickable row, with the keyboard: its link, then Space.
  const secondBox = boxes.nth(1);
  const secondName = (await secondBox.getAttribute('aria-label'))!.replace(/^Pick (.*) for a group$/, '$1');
  await secondBox.locator('xpath=following-sibling::a').focus();
  await page.keyboard.press('Space');
  await expect(secondBox).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: '2 people picked' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Start a group' }).click();
  const dialog = page.getByRole('dialog', { name: 'New conversation' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Remove ${firstName}` })).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Remove ${secondName}` })).toBeVisible();
  await page.keyboard.press('Escape');
  // Started: the picks are cleared.
  await expect(page.getByText('2 people picked')).toHaveCount(0);
  await expect(firstBox).not.toBeChecked();
});
