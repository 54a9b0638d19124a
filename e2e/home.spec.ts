import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the start page is served by the built app and is accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('the sandbox answers the browser with its OpenAPI document', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /OpenAPI document/ }).click();
  await expect(page.locator('body')).toContainText('"openapi": "3.1.0"'.replace(': ', ':'));
});

test('an unknown app route is answered by the app, an unknown API route by a StackOne error', async ({ request }) => {
  const app = await request.get('/some/deep/link');
  expect(app.status()).toBe(200);
  expect(await app.text()).toContain('<div id="root">');
  const api = await request.get('/sandbox/unified/messaging/nope', {
    headers: { authorization: `Basic ${Buffer.from('sandbox_local_key:').toString('base64')}`, 'x-account-id': 'x' },
  });
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ statusCode: 404 });
});
