import { expect, test } from '@playwright/test';
import { UPSTREAM_KEY } from '../playwright.config';

// The inbox in StackOne mode (STACKONE_API_KEY set) talks to a second sandbox over HTTP, exactly as it would
// talk to StackOne: the same BFF code path, another base URL and key.
const port = Number(process.env.E2E_PORT ?? 4173);
const stackoneModeInbox = `http://127.0.0.1:${port + 2}`;
const upstream = `http://127.0.0.1:${port + 1}/sandbox`;

test.use({ baseURL: stackoneModeInbox });

test('the inbox in StackOne mode lists, opens and reads through the remote API', async ({ page, request }) => {
  const auth = { authorization: `Basic ${Buffer.from(`${UPSTREAM_KEY}:`).toString('base64')}` };
  const accounts = (await (await request.get(`${upstream}/accounts`, { headers: auth })).json()) as { id: string }[];
  const conversations = (await (
    await request.get(`${upstream}/unified/messaging/conversations?page_size=1`, {
      headers: { ...auth, 'x-account-id': accounts[0]!.id },
    })
  ).json()) as { data: { id: string }[] };
  const top = conversations.data[0]!;

  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/a/${accounts[0]!.id}$`));
  const session = await page.evaluate(() => fetch('/api/inbox/session').then((r) => r.json()));
  expect(session.mode).toBe('stackone');

  await page.locator(`a[href="/a/${accounts[0]!.id}/c/${top.id}"]`).click();
  await expect(page.locator('[data-message-id]').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-message-id]').first()).toBeVisible();
});

test('the browser never sees the StackOne key', async ({ page }) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = response.request().resourceType() === 'fetch' ? await response.text().catch(() => '') : '';
    seen.push(headers + body);
  });
  await page.goto('/');
  await expect(page.locator('a[href*="/c/"]').first()).toBeVisible();
  const encoded = Buffer.from(`${UPSTREAM_KEY}:`).toString('base64');
  for (const text of seen) {
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(text).not.toContain(encoded);
  }
  expect(seen.length).toBeGreaterThan(3);
});
