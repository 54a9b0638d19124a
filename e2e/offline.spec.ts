import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { PASSWORD_INBOX, TEAM_PASSWORD } from '../playwright.config';
import { sandboxApi } from './sandbox-api';

// The service worker is blocked in the other specs; here it is what is tested.
test.use({ serviceWorkers: 'allow' });

const OFFLINE = "You're offline — showing what was loaded; messages you send will go when you're back";

/** The kept caches in this browser's IndexedDB, by key (one per signed-in person). */
const keptCaches = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('inbox');
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => open.result.createObjectStore('query-cache');
        open.onsuccess = () => {
          const request = open.result.transaction('query-cache').objectStore('query-cache').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map(String));
          };
        };
      }),
  );

/** Waits until the service worker controls the page and the cache holds what is on screen. */
async function readyForOffline(page: Page, holding: string) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  await expect
    .poll(() =>
      page.evaluate(
        (text) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('inbox');
            open.onsuccess = () => {
              const store = open.result.transaction('query-cache').objectStore('query-cache');
              const all = store.getAll();
              all.onsuccess = () => resolve(all.result.some((value) => String(value).includes(text)));
              all.onerror = () => resolve(false);
            };
            open.onerror = () => resolve(false);
          }),
        holding,
      ),
    )
    .toBe(true);
}

test('a conversation read online opens after an offline reload, and a message written offline arrives once', async ({
  page,
  context,
  request,
}) => {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  const newest = ((await api.messages(account.id, conversation.id)).data as { id: string }[])[0]!;

  await page.goto(`/a/${account.id}/c/${conversation.id}`);
  await expect(page.locator(`[data-message-id="${newest.id}"]`)).toBeVisible();
  await readyForOffline(page, newest.id);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: OFFLINE })).toBeVisible();
  await expect(page.locator(`[data-message-id="${newest.id}"]`)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const text = `written offline ${Date.now()}`;
  const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
  await box.fill(text);
  await box.press('Enter');
  await expect(page.getByText('Waiting to send…')).toBeVisible();
  await expect(page.getByText(/Not sent|Retrying/)).toHaveCount(0);

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: OFFLINE })).toHaveCount(0);
  await expect(page.getByText('Waiting to send…')).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Messages' }).getByText(text)).toBeVisible();
  await expect
    .poll(async () => {
      const page = (await api.messages(account.id, conversation.id)).data as { content?: { plain?: string } }[];
      return page.filter((message) => message.content?.plain === text).length;
    })
    .toBe(1);
});

test.describe('with sign-in', () => {
  test.use({ baseURL: PASSWORD_INBOX });

  async function signIn(page: Page, name: string) {
    await page.goto('/');
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Team password').fill(TEAM_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: `Signed in as ${name}` })).toBeVisible();
  }

  test("one person's kept cache is never another's, and signing out deletes it", async ({ page, context }) => {
    await signIn(page, 'Ada Kept');
    const row = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first();
    await expect(row).toBeVisible();
    await readyForOffline(page, 'Ada Kept');
    expect(await keptCaches(page)).toEqual([expect.stringContaining('Ada Kept')]);

    // Ada's session ends without a sign-out (the cookie is gone); Grace signs in on the same browser.
    await context.clearCookies();
    await signIn(page, 'Grace Next');
    await expect.poll(() => keptCaches(page)).toEqual([expect.stringContaining('Grace Next')]);
    await readyForOffline(page, 'Grace Next');

    await page.getByRole('button', { name: 'Signed in as Grace Next' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    expect(await keptCaches(page)).toEqual([]);
  });
});

test('on a phone, the offline notice takes its own line under the top bar and covers nothing', async ({
  page,
  context,
  request,
}) => {
  const { account } = await sandboxApi(request).generalChannel();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/a/${account.id}`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  await context.setOffline(true);
  const notice = page.getByText(OFFLINE);
  await expect(notice).toBeVisible();
  const bar = (await nav.boundingBox())!;
  const shown = (await notice.boundingBox())!;
  const main = (await page.getByRole('main').boundingBox())!;
  expect(shown.y, 'below the top bar').toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect(main.y, 'the page starts below the notice').toBeGreaterThanOrEqual(shown.y + shown.height - 1);
  await context.setOffline(false);
  await expect(page.getByText('Back online')).toBeVisible();
});
