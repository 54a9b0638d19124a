import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sandboxApi } from './sandbox-api';

type SeedMessage = { id: string; created_at: string; content: { plain: string | null; html: string | null } };

const findBar = (page: Page) => page.getByRole('search', { name: 'Find in conversation' });
const findBox = (page: Page) => findBar(page).getByRole('searchbox', { name: 'Find in conversation' });
const thread = (page: Page) => page.getByRole('log', { name: 'Messages' });
const row = (page: Page, id: string) => page.locator(`[data-message-id="${id}"]`);

/** How many ranges the page has highlighted under a name (the CSS Custom Highlight API). */
const highlighted = (page: Page, name: string) =>
  page.evaluate((key) => (CSS.highlights.get(key) as Set<Range> | undefined)?.size ?? 0, name);

async function openFind(page: Page) {
  await thread(page).locator('article').first().waitFor();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(findBox(page)).toBeFocused();
}

test.describe('find in conversation', () => {
  // Axe over a thread of mounted rows and a walk of older pages take a while on a busy machine.
  test.describe.configure({ timeout: 90_000 });
  test('Ctrl+F finds in the loaded messages, ignoring case and accents, and moves through the matches', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const word = `Plümbus${Date.now().toString(36)}`;
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const text of [
      `Where is the ${word} report?`,
      'Nothing to see here',
      `The ${plain} report is in, and ${word.toUpperCase()} too`,
    ]) {
      expect((await api.send(account.id, conversation.id, text)).ok()).toBe(true);
    }
    const sent = (await api.messages(account.id, conversation.id)).data as SeedMessage[];
    const [newest, , older] = sent;

    // Opened with the details panel: Escape in the find bar must close only the bar.
    await page.goto(`/a/${account.id}/c/${conversation.id}?panel=details`);
    await openFind(page);
    await expect(findBar(page).getByText('Only the loaded messages are searched.')).toHaveCount(0);
    await findBox(page).fill(plain.toUpperCase());
    await expect(findBar(page).getByText('1 of 3', { exact: true })).toBeVisible();
    await expect(findBar(page).getByRole('status')).toHaveText('Match 1 of 3');
    // Newest first: the last occurrence of the newest message is the first match.
    await expect(row(page, newest!.id)).toHaveAttribute('data-found', 'current');
    await expect.poll(() => highlighted(page, 'find-current')).toBe(1);
    await expect.poll(() => highlighted(page, 'find-match')).toBe(2);

    await page.keyboard.press('Enter');
    await expect(findBar(page).getByText('2 of 3', { exact: true })).toBeVisible();
    await expect(row(page, newest!.id)).toHaveAttribute('data-found', 'current');
    await page.keyboard.press('Enter');
    await expect(findBar(page).getByText('3 of 3', { exact: true })).toBeVisible();
    await expect(row(page, older!.id)).toHaveAttribute('data-found', 'current');
    await expect(row(page, older!.id).locator('article')).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(findBar(page).getByText('1 of 3', { exact: true })).toBeVisible();
    await page.keyboard.press('Shift+Enter');
    await expect(findBar(page).getByText('3 of 3', { exact: true })).toBeVisible();
    await findBar(page).getByRole('button', { name: 'Newer match (Shift+Enter)' }).click();
    await expect(findBar(page).getByText('2 of 3', { exact: true })).toBeVisible();
    await findBar(page).getByRole('button', { name: 'Older match (Enter)' }).click();
    await expect(findBar(page).getByText('3 of 3', { exact: true })).toBeVisible();

    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await findBox(page).fill('no such words anywhere');
    await expect(findBar(page).getByText('No matches', { exact: true })).toBeVisible();
    await expect.poll(() => highlighted(page, 'find-match')).toBe(0);

    const url = page.url();
    await findBox(page).focus();
    await page.keyboard.press('Escape');
    await expect(findBar(page)).toHaveCount(0);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('complementary').first()).toBeVisible();
    await expect.poll(() => highlighted(page, 'find-match')).toBe(0);
    // The focus went back where it was before Ctrl+F, not to the page.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });

  test('"Search older messages" loads older pages with progress until a match, and stops at a cap that can be extended', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const seen = await api.walkMessages<SeedMessage>(account.id, conversation.id, (loaded) => loaded.length >= 900);
    const text = (m: SeedMessage) => `${m.content.plain ?? ''} ${m.content.html ?? ''}`.toLowerCase();
    const recent = seen.slice(0, 300).map(text).join('\n');
    // A ticket key that only older messages mention, found the way any client must: page after page.
    const word = seen
      .slice(300)
      .flatMap((m) => (m.content.plain ?? '').match(/\b[A-Z]{2,5}-\d{2,5}\b/g) ?? [])
      .find((key) => !recent.includes(key.toLowerCase()));
    expect(word, 'an older message mentions a ticket no recent one does').toBeTruthy();

    await page.route(/\/api\/unified\/messaging\/conversations\/[^/]+\/messages\?.*next=/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      await route.continue();
    });
    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await openFind(page);
    expect(Number(await page.getByTestId('thread').getAttribute('data-loaded'))).toBeLessThanOrEqual(300);
    await findBox(page).fill(word!.toLowerCase());
    await expect(findBar(page).getByText('No matches', { exact: true })).toBeVisible();
    await findBar(page).getByRole('button', { name: 'Search older messages' }).click();
    await expect(findBar(page).getByText(/Searching older messages · [\d,]+ messages back/)).toBeVisible();
    await expect(findBar(page).getByRole('progressbar', { name: 'Searching older messages' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await expect(findBar(page).getByText(/^1 of \d+$/)).toBeVisible({ timeout: 20_000 });
    const current = page.locator('[data-found="current"]');
    await expect(current).toHaveCount(1);
    await expect(current.locator('article')).toBeInViewport();
    await expect(current).toContainText(word!);
    await expect(findBar(page).getByRole('progressbar')).toHaveCount(0);

    // Nothing anywhere: the search stops at 1,000 more messages and offers 1,000 more; Cancel stops it.
    await findBox(page).fill('qqzzxx not a word of this conversation');
    await findBar(page).getByRole('button', { name: 'Search older messages' }).click();
    await expect(findBar(page).getByText(/No matches in 1,0\d\d older messages\./)).toBeVisible({ timeout: 20_000 });
    const loadedAfterCap = Number(await page.getByTestId('thread').getAttribute('data-loaded'));
    await findBar(page).getByRole('button', { name: 'Search 1,000 more' }).click();
    await expect(findBar(page).getByRole('progressbar', { name: 'Searching older messages' })).toBeVisible();
    await findBar(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(findBar(page).getByRole('progressbar')).toHaveCount(0);
    await expect(findBar(page).getByRole('button', { name: 'Search older messages' })).toBeVisible();
    // What was loaded before Cancel stays loaded.
    await expect
      .poll(async () => Number(await page.getByTestId('thread').getAttribute('data-loaded')))
      .toBeGreaterThanOrEqual(loadedAfterCap);
  });

  test('a conversation with no older pages says it was searched whole', async ({ page, request }) => {
    const api = sandboxApi(request);
    const [account] = await api.accounts();
    const conversations = (await api.conversations(account!.id)).data as { id: string }[];
    let small: string | null = null;
    for (const candidate of conversations) {
      const page1 = await api.messages(account!.id, candidate.id);
      if (!page1.next && page1.data.length > 3) {
        small = candidate.id;
        break;
      }
    }
    expect(small, 'a conversation of one page').toBeTruthy();
    await page.goto(`/a/${account!.id}/c/${small}`);
    await openFind(page);
    await findBox(page).fill('the');
    await expect(findBar(page).getByText('The whole conversation was searched.')).toBeVisible();
    await expect(findBar(page).getByRole('button', { name: 'Search older messages' })).toHaveCount(0);
  });

  test('the quick switcher lists loaded messages that match, and choosing one opens its permalink', async ({
    page,
    request,
  }) => {
    const api = sandboxApi(request);
    const { account, conversation } = await api.generalChannel();
    const word = `Quokka${Date.now().toString(36)}`;
    expect((await api.send(account.id, conversation.id, `Has anyone seen the ${word} deck?`)).ok()).toBe(true);
    const [sent] = (await api.messages(account.id, conversation.id)).data as SeedMessage[];

    await page.goto(`/a/${account.id}/c/${conversation.id}`);
    await expect(thread(page).getByText(word)).toBeVisible();
    await page.keyboard.press('ControlOrMeta+k');
    const switcher = page.getByRole('dialog', { name: 'Jump to' });
    await switcher.getByRole('combobox').fill(word.toLowerCase());
    const group = switcher.getByRole('group', { name: 'Messages' });
    const option = group.getByRole('option');
    await expect(option).toHaveCount(1);
    await expect(option).toContainText(`in ${conversation.name}`);
    await expect(option).toContainText(`Has anyone seen the ${word} deck?`);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/m/${sent!.id}$`));
    await expect(row(page, sent!.id).locator('article')).toHaveClass(/ring-amber/);
  });
});
