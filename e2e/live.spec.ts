import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { conversationList } from './inbox-page';
import { SANDBOX_AUTH, sandboxApi } from './sandbox-api';

test.describe('live updates', () => {
  test('a message sent by one person shows on another’s screen within a second', async ({ browser, request }) => {
    const { account, conversation } = await sandboxApi(request).generalChannel();
    const [alice, bob] = await Promise.all([browser.newPage(), browser.newPage()]);
    const url = `/a/${account.id}/c/${conversation.id}`;
    await Promise.all([alice.goto(url), bob.goto(url)]);
    await expect(bob.locator('[data-message-id]').first()).toBeVisible();
    await expect(alice.locator('[data-message-id]').first()).toBeVisible();
    // Both streams are open once the inbox says nothing about reconnecting and the server follows the thread.
    await bob.waitForTimeout(500);

    const text = `Live from Alice ${Date.now()}`;
    const box = alice.getByRole('textbox', { name: `Message #${conversation.name}` });
    await box.fill(text);
    const sentAt = Date.now();
    await box.press('Enter');
    await expect(bob.locator('[data-message-id]').getByText(text)).toBeVisible({ timeout: 1_000 });
    console.log(`sent in one page → on screen in the other: ${Date.now() - sentAt} ms`);
    await Promise.all([alice.close(), bob.close()]);
  });

  test('a message written straight upstream shows within the follow interval; the list reorders and marks it unread live', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const conversations = (await api.conversations(account.id)).data as { id: string; name: string | null }[];
    // A quiet channel further down the list, which the reader is not looking at.
    const quiet = conversations.filter((c) => c.name && c.id !== conversation.id).at(-1)!;
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    const list = conversationList(page);
    const firstRow = list.getByRole('listitem').first();
    await expect(firstRow).not.toContainText(quiet.name!);
    await page.waitForTimeout(500);
    const titleBefore = await page.title();
    const unreadBefore = Number(/^\((\d+)\)/.exec(titleBefore)?.[1] ?? 0);

    const upstream = `Written upstream ${Date.now()}`;
    const writtenAt = Date.now();
    const here = await api.send(account.id, conversation.id, upstream);
    expect(here.status()).toBe(201);
    await expect(page.locator('[data-message-id]').getByText(upstream)).toBeVisible({ timeout: 3_000 });
    console.log(`written upstream → on screen: ${Date.now() - writtenAt} ms`);

    const elsewhere = await api.send(account.id, quiet.id, `Meanwhile in #${quiet.name}`);
    expect(elsewhere.status()).toBe(201);
    await expect(firstRow).toContainText(quiet.name!, { timeout: 8_000 });
    await expect(firstRow.getByRole('link', { name: new RegExp(`^${quiet.name}.*Unread`) })).toBeVisible();
    await expect(page).toHaveTitle(`(${unreadBefore + 1}) Inbox`);
    const icon = decodeURIComponent((await page.locator('link[rel="icon"]').getAttribute('href'))!);
    expect(icon).toContain(`>${unreadBefore + 1 > 9 ? '9+' : unreadBefore + 1}</text>`);
    await page.screenshot({ path: 'reports/screenshots/live-list.png' });
  });

  test('the account switcher counts unread conversations in the other accounts, live', async ({ page, request }) => {
    const api = sandboxApi(request);
    const [here, other] = await api.accounts();
    const otherConversations = (await api.conversations(other!.id)).data as { id: string; name: string | null }[];
    const quiet = otherConversations.filter((c) => c.name).at(-1)!;
    await page.goto(`/a/${here!.id}`);
    await expect(conversationList(page).getByRole('listitem').first()).toBeVisible();
    const badge = page.getByTestId('unread-elsewhere');
    const count = async () => Number((await badge.count()) > 0 ? await badge.textContent() : 0);
    const option = page.getByRole('menuitemradio', { name: new RegExp(other!.origin_owner_name), includeHidden: true });
    await expect(option).toBeAttached();
    await page.waitForTimeout(500);
    const before = await count();

    expect((await api.send(other!.id, quiet.id, `Meanwhile in the other account ${Date.now()}`)).status()).toBe(201);
    await expect.poll(count, { timeout: 8_000 }).toBe(before + 1);
    await expect(option).toHaveText(/— \d+ unread$/);
    await expect(page.getByRole('button', { name: /unread in other accounts/ })).toBeVisible();
    await page.getByRole('button', { name: /unread in other accounts/ }).click();
    await page.screenshot({ path: 'reports/screenshots/account-unread.png' });

    // Opening that account and the conversation reads it: back here, the count goes down by one.
    await page.goto(`/a/${other!.id}/c/${quiet.id}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    await page.goto(`/a/${here!.id}`);
    await expect.poll(count, { timeout: 5_000 }).toBe(before);
  });
});

test('desktop notifications: off until turned on, then one for a new message elsewhere while the tab is hidden', async ({
  page,
  context,
  request,
}) => {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  const conversations = (await api.conversations(account.id)).data as { id: string; name: string | null }[];
  const other = conversations.find((c) => c.name && c.id !== conversation.id)!;
  await context.grantPermissions(['notifications']);
  // What the page shows as notifications, recorded (the desktop's own are out of reach of the test).
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { __notifications: string[] }).__notifications = shown;
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string) {
        shown.push(title);
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
  await page.goto(`/a/${account.id}/c/${conversation.id}`);
  const bell = page.getByRole('button', { name: /^Desktop notifications: off/ });
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await bell.click();
  await expect(page.getByRole('button', { name: /^Desktop notifications: on/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.evaluate(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }));
  await page.waitForTimeout(500);

  const sent = await api.send(account.id, other.id, `For the notification ${Date.now()}`);
  expect(sent.status()).toBe(201);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications), {
      timeout: 8_000,
    })
    .toContain(`New message in #${other.name}`);
});

test('when the event stream does not get through (a buffering proxy), the page asks the server instead', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  // The stream is held and never answered, as by a proxy that buffers it; the polls get through.
  await page.route(/\/api\/inbox\/events\?(?!.*poll=1)/, () => undefined);
  const polls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/inbox/events?') && req.url().includes('poll=1')) polls.push(req.url());
  });
  await page.goto(`/a/${account.id}/c/${conversation.id}`);
  await expect(page.locator('[data-message-id]').first()).toBeVisible();
  await expect.poll(() => polls.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const text = `Seen by polling the server ${Date.now()}`;
  expect((await api.send(account.id, conversation.id, text)).status()).toBe(201);
  await expect(page.locator('[data-message-id]').getByText(text)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').getByText('Reconnecting…')).toHaveCount(0);
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test('says "Reconnecting…" while the server is away, and "Back online" with updates again once it returns', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'inbox-live-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SANDBOX_DB: join(dir, 'sandbox.db'),
    SANDBOX_SEED_MESSAGES: '300',
    SESSION_SECRET: 'the session secret of the restarted inbox',
    STATIC_DIR: process.env.STATIC_DIR ?? 'dist',
  };
  let server: ChildProcess | null = null;
  const start = async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'ignore' });
    await expect
      .poll(
        () =>
          request.get(`${base}/healthz`).then(
            (r) => r.status(),
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);
  };
  const stop = async () => {
    const child = server!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await start();
    const accounts = (await (
      await request.get(`${base}/sandbox/accounts`, { headers: { authorization: SANDBOX_AUTH } })
    ).json()) as { id: string }[];
    const account = accounts[0]!.id;
    const list = await (
      await request.get(`${base}/sandbox/unified/messaging/conversations?page_size=1`, {
        headers: { authorization: SANDBOX_AUTH, 'x-account-id': account },
      })
    ).json();
    const conversation = list.data[0].id as string;
    await page.goto(`${base}/a/${account}/c/${conversation}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    await page.waitForTimeout(300);

    await stop();
    await expect(page.getByRole('status').getByText('Reconnecting…')).toBeVisible({ timeout: 10_000 });
    await page.screenshot({ path: 'reports/screenshots/reconnecting.png' });
    await start();
    await expect(page.getByRole('status').getByText('Back online')).toBeVisible({ timeout: 15_000 });

    const text = `After the restart ${Date.now()}`;
    await request.post(`${base}/sandbox/unified/messaging/messages`, {
      headers: { authorization: SANDBOX_AUTH, 'x-account-id': account },
      data: { recipient: conversation, content: text },
    });
    await expect(page.locator('[data-message-id]').getByText(text)).toBeVisible({ timeout: 5_000 });
  } finally {
    if (server && (server as ChildProcess).exitCode === null) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
