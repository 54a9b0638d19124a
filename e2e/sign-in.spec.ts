import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { newSessionCookie } from '../src/server/auth/session';
import { OIDC_INBOX, PASSWORD_INBOX, PASSWORD_INBOX_SECRET, TEAM_PASSWORD } from '../playwright.config';
import { SANDBOX_AUTH } from './sandbox-api';

interface Account {
  id: string;
  origin_owner_id: string;
}

/** What the inbox's own sandbox holds, read past the inbox with the sandbox key. */
async function seeded(request: APIRequestContext, inbox: string) {
  const get = async (path: string, account?: string) =>
    (
      await request.get(`${inbox}/sandbox${path}`, {
        headers: { authorization: SANDBOX_AUTH, ...(account ? { 'x-account-id': account } : {}) },
      })
    ).json();
  const accounts = (await get('/accounts')) as Account[];
  const byOwner = (owner: string) => accounts.find((account) => account.origin_owner_id === owner)!;
  return { accounts, byOwner, get };
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Through the test provider's login page as one of its people. */
async function signInAs(page: Page, person: string) {
  await page.getByRole('link', { name: 'Continue with single sign-on' }).click();
  await expect(page).toHaveTitle('Test provider: sign in');
  await page.getByLabel('Who are you?').selectOption(person);
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function apiStatus(page: Page, path: string, account: string) {
  return page.evaluate(
    async ([path, account]) => (await fetch(`/api${path}`, { headers: { 'x-account-id': account! } })).status,
    [path, account] as const,
  );
}

test.describe('single sign-on through a real OpenID provider', () => {
  test.use({ baseURL: OIDC_INBOX });

  test("a person of one tenant signs in, sees only that tenant's accounts, and never another's by id", async ({
    page,
    request,
  }) => {
    const data = await seeded(request, OIDC_INBOX);
    const acme = data.byOwner('acme-robotics');
    const northwind = data.byOwner('northwind-health');
    const foreign = (await data.get('/unified/messaging/conversations?page_size=1', northwind.id)).data[0];

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Continue with single sign-on' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'reports/screenshots/sign-in-oidc.png' });
    await signInAs(page, 'ada');

    await expect(page).toHaveURL(new RegExp(`/a/${acme.id}$`));
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first()).toBeVisible();
    const accounts = await page.evaluate(() => fetch('/api/accounts').then((r) => r.json()));
    expect(accounts.map((account: Account) => account.id)).toEqual([acme.id]);

    await page.getByRole('button', { name: 'Signed in as Ada Lovelace' }).click();
    const panel = page.getByRole('dialog', { name: 'Signed in' });
    await expect(panel).toContainText('ada@acmerobotics.com');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'reports/screenshots/signed-in-menu.png' });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // Another tenant's account, conversation and files: refused through /api, and not found in the page.
    for (const path of [
      '/unified/messaging/conversations',
      `/unified/messaging/conversations/${foreign.id}`,
      `/unified/messaging/conversations/${foreign.id}/messages`,
      '/unified/messaging/users',
    ]) {
      expect(await apiStatus(page, path, northwind.id), path).toBe(403);
    }
    // Nor its files: a real attachment of the other tenant, asked for by its ids.
    const oidcDb = new Database(`data/e2e-${new URL(OIDC_INBOX).port}/sandbox.db`, { readonly: true });
    const file = oidcDb
      .prepare(
        'SELECT m.id AS message, a.id AS attachment FROM attachments a JOIN messages m ON m.seq = a.message_seq WHERE a.account_id = ? LIMIT 1',
      )
      .get(northwind.id) as { message: string; attachment: string };
    oidcDb.close();
    for (const path of [
      `/unified/messaging/messages/${file.message}`,
      `/unified/messaging/messages/${file.message}/attachments/${file.attachment}`,
      `/unified/messaging/messages/${file.message}/attachments/${file.attachment}/download`,
    ]) {
      expect(await apiStatus(page, path, northwind.id), path).toBe(403);
      expect(await apiStatus(page, path, acme.id), path).toBe(404);
    }
    // Its conversation id under Ada's own account is simply not there.
    expect(await apiStatus(page, `/unified/messaging/conversations/${foreign.id}`, acme.id)).toBe(404);
    await page.goto(`/a/${northwind.id}/c/${foreign.id}`);
    await expect(page.getByText(/not found|does not exist|no such|not one you can open/i).first()).toBeVisible();
    await expect(page.getByText(foreign.name ?? '\u0000')).toHaveCount(0);
  });

  test('a deep link survives sign-in, and signing out ends the session here and at the provider', async ({
    page,
    request,
  }) => {
    const data = await seeded(request, OIDC_INBOX);
    const acme = data.byOwner('acme-robotics');
    const conversation = (await data.get('/unified/messaging/conversations?page_size=1', acme.id)).data[0];
    await page.goto(`/a/${acme.id}/c/${conversation.id}`);
    await signInAs(page, 'max');
    await expect(page).toHaveURL(new RegExp(`/a/${acme.id}/c/${conversation.id}$`));
    await expect(page.locator('[data-message-id]').first()).toBeVisible();

    await page.getByRole('button', { name: 'Signed in as Max Both' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveTitle('Test provider: sign out');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(OIDC_INBOX);
    expect(await apiStatus(page, '/unified/messaging/conversations', acme.id)).toBe(401);
    // The provider's session is gone too: signing in again asks who you are.
    await page.getByRole('link', { name: 'Continue with single sign-on' }).click();
    await expect(page).toHaveTitle('Test provider: sign in');
  });

  test('a person in no tenant sees a clear "no access" page, not an empty inbox', async ({ page }) => {
    await page.goto('/');
    await signInAs(page, 'olu');
    await expect(page.getByRole('heading', { name: 'No access to this inbox yet' })).toBeVisible();
    await expect(page.getByText('Olu Outsider')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Conversations' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: 'reports/screenshots/no-access.png' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveTitle('Test provider: sign out');
  });
});

test.describe('the team password', () => {
  test.use({ baseURL: PASSWORD_INBOX });

  test('says why a wrong password fails, signs in with the right one, and shows who is signed in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Team password')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByLabel('Team password').fill('not the password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('That is not the team password');
    await expect(page.getByLabel('Team password')).toHaveValue('');
    await page.screenshot({ path: 'reports/screenshots/sign-in-password.png' });
    await page.getByLabel('Team password').fill(TEAM_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Signed in as Grace Hopper' })).toBeVisible();
    const accounts = await page.evaluate(() => fetch('/api/accounts').then((r) => r.json()));
    expect(accounts.length).toBe(3);
  });

  test('an expired or tampered session goes back to sign-in, saying the session ended', async ({ page, context }) => {
    await page.goto('/');
    await page.getByLabel('Team password').fill(TEAM_PASSWORD);
    await page.keyboard.press('Enter');
    const list = page.getByRole('navigation', { name: 'Conversations' });
    await expect(list.getByRole('link').first()).toBeVisible();

    // The session ends under the open page (idle for nine hours): the next request turns the page to sign-in.
    const nineHoursAgo = Date.now() - 9 * 3600 * 1000;
    const person = { sub: 'password Grace', name: 'Grace', email: null, via: 'password' as const, tenants: null };
    const expired = newSessionCookie(PASSWORD_INBOX_SECRET, nineHoursAgo, person).value;
    await context.addCookies([{ name: 'inbox_session', value: expired, domain: '127.0.0.1', path: '/api' }]);
    await list.getByRole('link').nth(1).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('Your session ended: sign in again.');

    // A cookie changed by hand (all accounts claimed for a forged person) is no session at all.
    const valid = newSessionCookie(PASSWORD_INBOX_SECRET, Date.now(), person).value;
    const [payload, mac] = valid.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged[3][1] = 'Mallory';
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`;
    await context.addCookies([{ name: 'inbox_session', value: tampered, domain: '127.0.0.1', path: '/api' }]);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    expect(await page.evaluate(() => fetch('/api/accounts').then((r) => r.status))).toBe(401);
    // The real one still works.
    await context.addCookies([{ name: 'inbox_session', value: valid, domain: '127.0.0.1', path: '/api' }]);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Signed in as Grace' })).toBeVisible();
  });

  test('signs out, leaving nothing of the person in this browser', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Your name').fill('Leaving Soon');
    await page.getByLabel('Team password').fill(TEAM_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Signed in as Leaving Soon' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the inbox' })).toBeVisible();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'inbox:sign-in-name'));
    expect(kept.filter((key) => key !== 'inbox:theme')).toEqual([]);
    expect(await page.evaluate(() => fetch('/api/accounts').then((r) => r.status))).toBe(401);
  });
});
