import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';

test.describe('thread', () => {
  test('opens on the newest messages and keeps the reader’s place while scrolling up through older pages', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const newestFirst = (await api.messages(account.id, conversation.id)).data as { id: string }[];

    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(page.locator(`[data-message-id="${newestFirst[0]!.id}"]`)).toBeInViewport();
    await page.waitForTimeout(300);

    // Scroll up a little every frame, like a reader; each time an older page arrives, the message at the top of
    // the view must still be where it was a frame before (it would jump by a whole page's height otherwise).
    const jumps = await page.evaluate(async () => {
      const log = document.querySelector<HTMLElement>('[role="log"]')!;
      const thread = document.querySelector('[data-testid="thread"]')!;
      const topRow = () => {
        const top = log.getBoundingClientRect().top;
        const row = [...document.querySelectorAll('[data-message-id]')].find(
          (r) => r.getBoundingClientRect().top >= top,
        );
        return row ? { id: row.getAttribute('data-message-id')!, y: row.getBoundingClientRect().top } : null;
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const jumps: number[] = [];
      let loaded = Number(thread.getAttribute('data-loaded'));
      let before = topRow();
      const deadline = performance.now() + 20_000;
      while (jumps.length < 3 && performance.now() < deadline) {
        await frame();
        const now = Number(thread.getAttribute('data-loaded'));
        if (now > loaded && before) {
          const row = document.querySelector(`[data-message-id="${before.id}"]`);
          jumps.push(row ? Math.abs(row.getBoundingClientRect().top - before.y) : Infinity);
          loaded = now;
        }
        log.scrollTop -= 40;
        before = topRow();
      }
      return { jumps, loaded };
    });
    expect(jumps.loaded, 'three older pages were loaded').toBeGreaterThanOrEqual(200);
    for (const jump of jumps.jumps) expect(jump, 'the reader’s place is kept').toBeLessThan(60);
    // Virtualised: far fewer rows are mounted than loaded.
    const mounted = await page.locator('[data-message-id]').count();
    expect(mounted).toBeLessThan(80);
  });

  test('a permalink opens the conversation at that message, highlighted, and survives a reload', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const first = await api.messages(account.id, conversation.id);
    const second = await api.messages(account.id, conversation.id, `&next=${first.next}`);
    const target = second.data[40];
    const url = `/a/${account.id}/c/${conversation.id}/m/${target.id}`;

    await page.goto(url);
    const row = page.locator(`[data-message-id="${target.id}"] article`);
    await expect(row).toBeVisible();
    await expect(row).toHaveClass(/ring-amber/);
    // The highlight shows where the link led, then fades.
    await expect(row).not.toHaveClass(/ring-amber/, { timeout: 8_000 });
    await page.reload();
    await expect(page.locator(`[data-message-id="${target.id}"] article`)).toBeVisible();
  });

  test('a follow-on message of one line is one line tall: its hover time stays on one line beside it', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const [account] = await api.accounts();
    const channels = ((await api.conversations(account!.id)).data as { id: string; name: string | null }[]).filter(
      (c) => c.name,
    );
    const quiet = channels.at(-2)!;
    // Two short messages in a row from the same person: the second continues the first's group.
    await api.send(account!.id, quiet.id, 'A first short line');
    const second = (await (await api.send(account!.id, quiet.id, 'And a second one')).json()).data.id as string;
    await page.goto(`/a/${account!.id}/c/${quiet.id}`);
    const row = page.locator(`[data-message-id="${second}"] article`);
    await expect(row).toBeVisible();
    await row.hover();
    const time = row.locator(':scope > div:first-child time');
    await expect(time).toBeVisible();
    expect((await time.boundingBox())!.height).toBeLessThanOrEqual(18);
    expect((await row.boundingBox())!.height).toBeLessThanOrEqual(30);
  });

  test('a reply’s quote jumps to its parent', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const messages = (await api.messages(account.id, conversation.id)).data as {
      id: string;
      parent_message_id: string | null;
    }[];
    const reply = messages
      .slice(0, 60)
      .find((m) => m.parent_message_id && messages.some((p) => p.id === m.parent_message_id));
    expect(reply, 'the seeded conversation has replies among its newest messages').toBeTruthy();

    await page.goto(`/a/${account.id}/c/${conversation.id}/m/${reply!.id}`);
    await page
      .locator(`[data-message-id="${reply!.id}"]`)
      .getByRole('button', { name: /Replying to/ })
      .click();
    await expect(page.locator(`[data-message-id="${reply!.parent_message_id}"] article`)).toHaveClass(/ring-amber/);
  });

  test('the details panel lists the participants and closes with Escape', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await page.getByRole('link', { name: 'Details' }).click();
    await expect(page).toHaveURL(/panel=details/);
    const panel = page.getByRole('complementary', { name: 'Conversation details' });
    await expect(panel).toBeVisible();
    await page.reload();
    await expect(panel).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });

  test('whoever is at the bottom stays there when a side panel opens or the window narrows', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const newest = ((await api.messages(account.id, conversation.id)).data as { id: string }[])[0]!;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const row = page.locator(`[data-message-id="${newest.id}"]`);
    await expect(row).toBeInViewport({ ratio: 1 });
    await page.waitForTimeout(500);

    await page.getByRole('link', { name: 'Details' }).click();
    await expect(page.getByRole('complementary', { name: 'Conversation details' })).toBeVisible();
    await expect(row).toBeInViewport({ ratio: 1 });
    await page.setViewportSize({ width: 900, height: 620 });
    await expect(row).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: /Jump to latest|new message/ })).toHaveCount(0);
  });

  test('from the list, one Tab and Enter reach the message box; the message area shows its focus', async ({
    page,
    request,
  }) => {
    const { account, conversation } = await sandboxApi(request).generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('link', { name: /^general/ })
      .focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to the message box' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: `Message #${conversation.name}` })).toBeFocused();

    // The message area, reached with the keyboard, has a visible ring.
    const log = page.getByRole('log', { name: 'Messages' });
    await log.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(log).toBeFocused();
    const ring = await log.evaluate((element) => getComputedStyle(element).boxShadow);
    expect(ring).not.toBe('none');
  });

  test('the thread is one Tab stop: ↑/↓ walk the messages, Tab reaches a message’s controls, then the message box', async ({
    page,
    request,
  }) => {
    const { account, conversation } = await sandboxApi(request).generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const newest = page.locator('[data-message-id]').last();
    await expect(newest).toBeInViewport();
    const log = page.getByRole('log', { name: 'Messages' });
    const box = page.getByRole('textbox', { name: `Message #${conversation.name}` });
    await log.focus();
    await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await expect(newest).toBeInViewport();

    // Back with Shift+Tab: the message area, not the newest message's last control.
    await page.keyboard.press('Shift+Tab');
    await expect(log).toBeFocused();

    // ↑ goes to the newest message in view, ↑ again to the one before it.
    await page.keyboard.press('ArrowUp');
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('[data-message-id]')?.getAttribute('data-message-id'));
    const first = await focused();
    expect(first).toBeTruthy();
    await page.keyboard.press('ArrowUp');
    const second = await focused();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const article = page.locator(`[data-message-id="${second}"] > article`);
    await expect(article).toBeFocused();
    expect(await article.evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(first);

    // Tab reaches this message's own controls (Copy link at least), and past the last of them, the message box.
    await page.keyboard.press('Tab');
    await expect(page.locator(`[data-message-id="${first}"]`).locator(':focus')).toHaveCount(1);
    for (let i = 0; i < 8 && !(await box.evaluate((element) => element === document.activeElement)); i++) {
      expect(await focused(), 'Tab stays within the message until it leaves the thread').toBe(first);
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
  });

  test('a conversation opened with unread messages shows a New line where the reader left off; Copy text copies a message', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const self = (await api.accounts()).find((a) => a.id === account.id)!.origin_username;
    const newestFirst = (await api.messages(account.id, conversation.id)).data as {
      id: string;
      created_at: string;
      author?: { id: string; email?: string };
    }[];
    // Earlier tests write here as the reader; two messages from someone else come after the mark.
    const mark = newestFirst[0]!.created_at;
    const someoneElse = newestFirst.find((m) => m.author && m.author.email !== self)!.author!.id;
    const newer = new Set<string>();
    for (const text of ['Are we still on for the review?', 'I moved it to 3pm.']) {
      const sent = await api.send(account.id, conversation.id, text, someoneElse);
      expect(sent.status()).toBe(201);
      newer.add(((await sent.json()) as { data: { id: string } }).data.id);
    }
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`inbox:last-seen:${account.id}`, JSON.stringify({ '*': '2000-01-01T00:00:00.000Z', [conversation.id]: mark })],
    );
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    const line = page.getByRole('separator', { name: 'New messages' });
    await expect(line).toHaveCount(1);
    const where = await line.evaluate((element) =>
      element.closest('[data-message-id]')!.getAttribute('data-message-id'),
    );
    expect(newer.has(where!), 'the line is above a message written after the mark').toBe(true);
    // Reading to the end does not move it while the conversation is open.
    await page.waitForTimeout(500);
    await expect(line).toHaveCount(1);

    const row = page.getByRole('article').filter({ hasText: 'I moved it to 3pm.' });
    await row.hover();
    await row.getByRole('button', { name: 'Copy text of message' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('I moved it to 3pm.');
  });

  test('the thread is accessible', async ({ page, request }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe('new messages', () => {
  test('arrive by polling, are followed at the bottom, and counted on the pill when reading above', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const send = (content: string) => api.send(account.id, conversation.id, content);

    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(page.locator('[data-message-id]').first()).toBeVisible();
    await send('Polling works — first');
    await expect(page.getByText('Polling works — first')).toBeInViewport({ timeout: 10_000 });

    const log = page.getByRole('log', { name: 'Messages' });
    await log.evaluate((el) => el.scrollBy({ top: -2000 }));
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    // The pill sits below the messages' view: no line of a message is under it.
    const view = (await log.boundingBox())!;
    const jump = (await page.getByRole('button', { name: 'Jump to latest' }).boundingBox())!;
    expect(jump.y).toBeGreaterThanOrEqual(view.y + view.height);
    await send('Polling works — second');
    const pill = page.getByRole('button', { name: '1 new message' });
    await expect(pill).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('Polling works — second')).not.toBeInViewport();
    await pill.click();
    await expect(page.getByText('Polling works — second')).toBeInViewport();
  });
});

test('a message offers View replies only when it has replies', async ({ page, request }) => {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  const messages = (await api.messages(account.id, conversation.id)).data as {
    id: string;
    parent_message_id?: string | null;
  }[];
  const parents = new Set(messages.map((m) => m.parent_message_id).filter(Boolean));
  const lonely = messages.find((m) => !parents.has(m.id) && !m.parent_message_id)!;
  await page.goto(`/a/${account.id}/c/${conversation.id}/m/${lonely.id}`);
  const row = page.locator(`[data-message-id="${lonely.id}"] article`);
  await expect(row).toBeVisible();
  await row.hover();
  await expect(row.getByRole('button', { name: 'Copy link to message' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'View replies' })).toHaveCount(0);
});
