import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { conversationList, expectOpenAfterReload } from './inbox-page';

const rows = (page: Page) => conversationList(page).getByRole('listitem').getByRole('link');
const scroller = (page: Page) => conversationList(page).locator('[data-list-scroller]');
const scrollTop = (page: Page) => scroller(page).evaluate((element) => element.scrollTop);

async function openInbox(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/a\/[^/]+$/);
  await expect(rows(page).first()).toBeVisible();
}

/** Wheels the list down until its end-of-list text is in view. */
async function scrollToEnd(page: Page) {
  const end = conversationList(page).getByText(/all caught up/);
  const inView = () =>
    end.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const view = element.closest('[data-list-scroller]')!.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom + 1;
    });
  await rows(page).first().hover();
  for (let i = 0; i < 60 && !((await end.isVisible()) && (await inView())); i++) await page.mouse.wheel(0, 500);
  expect(await inView()).toBe(true);
  await expect(end).toBeInViewport();
}

test('/ opens the first account and lists its conversations, and the page is accessible', async ({ page }) => {
  await openInbox(page);
  await expect(conversationList(page).getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(conversationList(page).getByRole('link', { name: /^general/ })).toHaveCount(1);
  await expect(rows(page).first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('scrolls to the end of the list', async ({ page }) => {
  await openInbox(page);
  await scrollToEnd(page);
  expect(await scrollTop(page)).toBeGreaterThan(0);
});

test('filters as you type, opens a conversation by click, and keeps both over a reload', async ({ page }) => {
  await openInbox(page);
  const filter = page.getByRole('searchbox', { name: 'Filter conversations' });
  await filter.fill('eng');
  await expect(rows(page).first()).toBeVisible();
  for (const row of await rows(page).all()) await expect(row).toHaveAccessibleName(/eng/i);
  await expect(conversationList(page).getByRole('link', { name: /^general/ })).toHaveCount(0);

  const target = conversationList(page).getByRole('link', { name: /^engineering/ });
  await target.click();
  await expect(page).toHaveURL(/\/a\/[^/]+\/c\/[^/]+$/);
  await expect(target).toHaveAttribute('aria-current', 'page');
  await expectOpenAfterReload(page, /^engineering/);
  await expect(page.getByRole('searchbox', { name: 'Filter conversations' })).toHaveValue('eng');

  await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('no conversation is called this');
  await expect(conversationList(page).getByText('Nothing matches')).toBeVisible();
  await conversationList(page).getByRole('button', { name: 'Clear filter' }).click();
  await expect(conversationList(page).getByRole('link', { name: /^general/ })).toHaveCount(1);
});

test('the chips narrow the list to unread, direct, group and private conversations', async ({ page }) => {
  await openInbox(page);
  const unread = page.getByRole('button', { name: /^Unread/ });
  await unread.click();
  await expect(unread).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page).first()).toBeVisible();
  for (const row of await rows(page).all()) await expect(row.getByText('Unread')).toBeAttached();

  await page.getByRole('button', { name: 'Private' }).click();
  await expect(unread).toHaveAttribute('aria-pressed', 'false');
  await expect(rows(page).first()).toBeVisible();
  for (const row of await rows(page).all()) await expect(row.getByRole('img', { name: 'Private' })).toBeVisible();

  await page.getByRole('button', { name: 'Direct' }).click();
  await expect(rows(page).first()).toBeVisible();
  for (const row of await rows(page).all()) await expect(row).toContainText('Direct message');

  // Groups are group messages: no channel among them.
  await page.getByRole('button', { name: 'Groups' }).click();
  await expect(rows(page).first()).toBeVisible();
  for (const row of await rows(page).all()) await expect(row).toContainText(/Group message · \d+ people/);

  await page.getByRole('button', { name: 'All' }).click();
  await expect(conversationList(page).getByRole('link', { name: /^general/ })).toHaveCount(1);
});

test('the keyboard moves through the rows: / to the filter, arrows between rows, Enter opens', async ({ page }) => {
  await openInbox(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter conversations' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows(page).nth(1)).toBeFocused();
  const href = await rows(page).nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
  await expect(rows(page).nth(1)).toHaveAttribute('aria-current', 'page');
});

test('the list keeps its scroll position after a visit to the people page', async ({ page }) => {
  await openInbox(page);
  await rows(page).first().hover();
  await page.mouse.wheel(0, 700);
  await expect.poll(() => scrollTop(page)).toBeGreaterThan(300);
  const before = await scrollTop(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(conversationList(page)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conversations' }).click();
  await expect(rows(page).first()).toBeAttached();
  await expect.poll(() => scrollTop(page)).toBe(before);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('opening a conversation and coming back keeps the list where it was', async ({ page }) => {
    await openInbox(page);
    await rows(page).first().hover();
    await page.mouse.wheel(0, 600);
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(300);
    const row = rows(page).nth(6);
    await row.hover();
    const before = await scrollTop(page);
    await row.click();
    await expect(page).toHaveURL(/\/c\//);
    await expect(conversationList(page)).toBeHidden();
    await page.goBack();
    await expect(conversationList(page)).toBeVisible();
    await expect.poll(() => scrollTop(page)).toBe(before);
  });
});
