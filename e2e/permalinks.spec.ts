import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';

/** Whether the message's row is wholly inside the thread's visible box. */
async function onScreen(page: Page, id: string) {
  return page.evaluate((messageId) => {
    const log = document.querySelector('[role="log"]')?.getBoundingClientRect();
    const row = document.querySelector(`[data-message-id="${messageId}"] article`)?.getBoundingClientRect();
    return !!log && !!row && row.top >= log.top - 1 && row.bottom <= log.bottom + 1;
  }, id);
}

test.describe('permalinks', () => {
  test('a permalink to one of the oldest messages of its page lands on it, and it stays on screen', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const first = await api.messages(account.id, conversation.id);
    const second = await api.messages(account.id, conversation.id, `&next=${first.next}`);
    const oldest = (second.data as { id: string }[]).slice(-3);
    for (const target of [first.data.at(-1) as { id: string }, ...oldest]) {
      await page.goto(`/a/${account.id}/c/${conversation.id}/m/${target.id}`);
      await expect(page.locator(`[data-message-id="${target.id}"] article`)).toBeVisible();
      await expect.poll(() => onScreen(page, target.id)).toBe(true);
      // Whatever loads after landing (older pages, row measuring) must not push it away.
      await page.waitForTimeout(1_200);
      expect(await onScreen(page, target.id), `message ${target.id} is still on screen`).toBe(true);
    }
  });

  test('a permalink thousands of messages back loads pages of 100 back to back, shows progress, and lands', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    // The 7,000th message from the newest, found the way any client must: page after page.
    const seen = await api.walkMessages(account.id, conversation.id, (loaded) => loaded.length >= 7_000);
    expect(seen.length, '#general has 7,000 messages').toBeGreaterThanOrEqual(7_000);
    const target = seen[6_999]!;

    const pages: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/unified\/messaging\/conversations\/[^/]+\/messages\?/.test(r.url())) pages.push(r.url());
    });
    // Slowed a little, so that the progress can be seen as it moves.
    await page.route(/\/api\/unified\/messaging\/conversations\/[^/]+\/messages\?.*next=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await route.continue();
    });
    await page.goto(`/a/${account.id}/c/${conversation.id}/m/${target.id}`);
    const progress = page.getByRole('progressbar', { name: 'Finding the message' });
    await expect(progress).toHaveAttribute('aria-valuetext', /messages loaded/);
    await expect(page.getByText(/Finding the message · [\d,]+ messages back/)).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const row = page.locator(`[data-message-id="${target.id}"] article`);
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row).toHaveClass(/ring-amber/);
    await expect.poll(() => onScreen(page, target.id)).toBe(true);
    await expect(progress).toHaveCount(0);
    await expect(page.getByText('That message is not in this conversation.')).toHaveCount(0);
    expect(
      pages.every((url) => url.includes('page_size=100')),
      'every page is of 100',
    ).toBe(true);
    // 7,000 messages and 50 more above the message: 71 pages, a few more if messages arrived meanwhile.
    expect(pages.length).toBeLessThanOrEqual(75);
    await page.waitForTimeout(1_200);
    expect(await onScreen(page, target.id)).toBe(true);
  });

  test('a message of another conversation is said to be elsewhere, without walking the whole conversation', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const conversations = (await api.conversations(account.id)).data as { id: string; name: string | null }[];
    let elsewhere: { id: string } | undefined;
    for (const other of conversations.filter((c) => c.id !== conversation.id)) {
      elsewhere = (await api.messages(account.id, other.id)).data[0] as { id: string } | undefined;
      if (elsewhere) break;
    }
    expect(elsewhere, 'another conversation has a message').toBeTruthy();
    const pages: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/conversations/${conversation.id}/messages?`)) pages.push(r.url());
    });
    await page.goto(`/a/${account.id}/c/${conversation.id}/m/${elsewhere!.id}`);
    await expect(page.getByText('That message is not in this conversation.')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    expect(pages.length, 'the walk stops once it is past the message’s time').toBeLessThan(72);
  });
});

test('the day over the messages jumps to a date: older pages load back to it, and its first message is at the top', async ({
  page,
  request,
}) => {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  // A day about 1,500 messages back, and the first message of that day, found page by page.
  let dayStart = 0;
  const seen = await api.walkMessages(account.id, conversation.id, (loaded) => {
    if (!dayStart && loaded.length >= 1_500) {
      const at = new Date(loaded[1_499]!.created_at);
      dayStart = new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
    }
    return dayStart > 0 && Date.parse(loaded.at(-1)!.created_at) < dayStart;
  });
  const first = seen.filter((m) => Date.parse(m.created_at) >= dayStart).at(-1)!;
  const day = new Date(dayStart);
  const value = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

  await page.goto(`/a/${account.id}/c/${conversation.id}`);
  await expect(page.locator('[data-message-id]').first()).toBeVisible();
  const chip = page.getByRole('button', { name: /: jump to a date$/ });
  await expect(chip).toBeVisible();
  await chip.click();
  const form = page.getByRole('form', { name: 'Jump to a date' });
  await form.getByLabel('Jump to a date').fill(value);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await form.getByRole('button', { name: 'Jump' }).click();

  const article = page.locator(`[data-message-id="${first.id}"] > article`);
  await expect(article).toBeFocused({ timeout: 20_000 });
  await expect.poll(() => onScreen(page, first.id)).toBe(true);
  // At the top of the view under its day's separator, not merely somewhere in it.
  await expect(page.locator(`[data-message-id="${first.id}"]`).getByRole('separator')).toBeInViewport();
  const [row, log] = [await article.boundingBox(), await page.getByRole('log', { name: 'Messages' }).boundingBox()];
  expect(row!.y - log!.y).toBeLessThan(log!.height / 3);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Jump to latest brings the reader back.
  await page.getByRole('button', { name: /Jump to latest|new message/ }).click();
  await expect(page.locator(`[data-message-id="${seen[0]!.id}"]`)).toBeInViewport();
});
