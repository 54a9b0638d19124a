import { expect, type Page } from '@playwright/test';

/** The conversation list of the inbox page. */
export const conversationList = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** The open conversation's row stays marked as open across a reload of its URL. */
export async function expectOpenAfterReload(page: Page, rowName: RegExp) {
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(conversationList(page).getByRole('link', { name: rowName })).toHaveAttribute('aria-current', 'page');
}
