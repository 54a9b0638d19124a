import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SANDBOX_AUTH, sandboxApi } from './sandbox-api';

test('the start page opens the first linked account and is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/a\/[a-z0-9]+$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('switching account changes the URL and is remembered', async ({ page, request }) => {
  const accounts = await sandboxApi(request).accounts();
  await page.goto('/');
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('menuitemradio', { name: new RegExp(accounts[1]!.origin_owner_name) }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${accounts[1]!.id}$`));
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/a/${accounts[1]!.id}$`));
});

test('an unknown page shows the not-found page; an unknown account says so and offers the person’s accounts', async ({
  page,
  request,
}) => {
  await page.goto('/some/deep/link');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const accounts = await sandboxApi(request).accounts();
  await page.goto('/a/no-such-account');
  await expect(page.getByRole('heading', { name: 'This account is not one you can open' })).toBeVisible();
  await expect(page.getByText('“no-such-account” is not among the linked accounts')).toBeVisible();
  const yours = page.getByRole('navigation', { name: 'Your accounts' }).getByRole('link');
  await expect(yours).toHaveCount(accounts.length);
  await expect(page.getByRole('button', { name: 'Choose an account' })).toBeVisible();
  await expect(page.getByText('?', { exact: true })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await yours.first().click();
  await expect(page).toHaveURL(new RegExp(`/a/${accounts[0]!.id}$`));
});

test('the sandbox serves its OpenAPI document and answers unknown routes with a StackOne error', async ({
  request,
}) => {
  const doc = await request.get('/sandbox/openapi.json');
  expect((await doc.json()).openapi).toBe('3.1.0');
  const api = await request.get('/sandbox/unified/messaging/nope', {
    headers: { authorization: SANDBOX_AUTH, 'x-account-id': 'x' },
  });
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ statusCode: 404 });
});

test('the account menu: whole names, the open one ticked, arrows and Enter to switch, Escape gives the focus back', async ({
  page,
  request,
}) => {
  const accounts = await sandboxApi(request).accounts();
  await page.goto(`/a/${accounts[0]!.id}`);
  const tile = page.getByRole('button', { name: /^Account: / });
  await expect(tile).toHaveAttribute('aria-haspopup', 'menu');
  await tile.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Accounts' });
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitemradio');
  await expect(items).toHaveCount(accounts.length);
  // Every name whole, on as many lines as it needs.
  for (const account of accounts)
    await expect(menu.getByText(account.origin_owner_name, { exact: true })).toBeVisible();
  const open = items.first();
  await expect(open).toHaveAttribute('aria-checked', 'true');
  await expect(open).toBeFocused();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: 'reports/screenshots/account-menu.png' });

  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(tile).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/a/${accounts[1]!.id}$`));
  await expect(menu).toBeHidden();

  // A click outside closes it too.
  await page.getByRole('button', { name: /^Account: / }).click();
  await expect(menu).toBeVisible();
  await page.mouse.click(700, 400);
  await expect(menu).toBeHidden();
});
