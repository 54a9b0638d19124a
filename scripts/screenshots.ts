/**
 * `npm run screenshots`: starts the inbox on a freshly seeded database and saves a picture of each view
 * (light and dark, wide and narrow) under docs/screenshots/, for the README's tour.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';

const port = 8190;
const base = `http://127.0.0.1:${port}`;
const out = 'docs/screenshots';
const db = 'data/screenshots/sandbox.db';
rmSync(db, { force: true });
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-server.ts'], {
  env: { ...process.env, PORT: String(port), SANDBOX_DB: db },
  stdio: 'ignore',
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 300) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const auth = { authorization: `Basic ${Buffer.from('sandbox_local_key:').toString('base64')}` };
  const accounts = (await (await fetch(`${base}/sandbox/accounts`, { headers: auth })).json()) as { id: string }[];
  const account = accounts[0]!.id;
  const headers = { ...auth, 'x-account-id': account };
  const conversations = (await (
    await fetch(`${base}/sandbox/unified/messaging/conversations?page_size=100`, { headers })
  ).json()) as {
    data: { id: string; name: string | null }[];
  };
  const general = conversations.data.find((c) => c.name === 'general') ?? conversations.data[0]!;
  // The message with three images and the one with the roadmap PDF, somewhere among the newest few hundred.
  let gallery = '';
  let roadmap = '';
  let launchPlan = '';
  let next = '';
  for (let i = 0; i < 10 && !(gallery && roadmap && launchPlan); i++) {
    const page = (await (
      await fetch(
        `${base}/sandbox/unified/messaging/conversations/${general.id}/messages?page_size=100${next ? `&next=${next}` : ''}`,
        { headers },
      )
    ).json()) as { next: string | null; data: { id: string; attachments: { file_name: string }[] }[] };
    gallery ||= page.data.find((m) => m.attachments.length === 3)?.id ?? '';
    roadmap ||= page.data.find((m) => m.attachments.some((a) => a.file_name === 'q3-roadmap.pdf'))?.id ?? '';
    launchPlan ||= page.data.find((m) => m.attachments.some((a) => a.file_name === 'launch-plan.csv'))?.id ?? '';
    next = page.next ?? '';
  }
  const users = (await (await fetch(`${base}/sandbox/unified/messaging/users?page_size=10`, { headers })).json()) as {
    data: { id: string }[];
  };

  const browser = await chromium.launch({
    executablePath: [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p)),
    args: ['--disable-gpu'],
  });
  const only = process.argv.slice(2);
  const shots: { name: string; path: string; width?: number; dark?: boolean; then?: (page: Page) => Promise<void> }[] =
    [
      { name: 'thread', path: `/a/${account}/c/${general.id}` },
      { name: 'thread-dark', path: `/a/${account}/c/${general.id}`, dark: true },
      { name: 'details', path: `/a/${account}/c/${general.id}?panel=details` },
      { name: 'users', path: `/a/${account}/users/${users.data[3]!.id}` },
      {
        name: 'quick-switcher',
        path: `/a/${account}/c/${general.id}`,
        then: async (page) => {
          await page.keyboard.press('Control+k');
          await page.getByRole('combobox', { name: /Search conversations and people/ }).waitFor();
          await page.keyboard.type('de');
        },
      },
      { name: 'narrow', path: `/a/${account}`, width: 390 },
      { name: 'attachments', path: `/a/${account}/c/${general.id}/m/${gallery}` },
      {
        name: 'lightbox',
        path: `/a/${account}/c/${general.id}/m/${gallery}`,
        then: async (page) => {
          await page
            .locator(`[data-message-id="${gallery}"]`)
            .getByRole('button', { name: /^Open / })
            .first()
            .click();
          await page.getByRole('dialog').getByRole('img').waitFor();
        },
      },
      {
        name: 'pdf',
        path: `/a/${account}/c/${general.id}/m/${roadmap}`,
        then: async (page) => {
          await page.getByRole('button', { name: 'Open q3-roadmap.pdf' }).waitFor();
        },
      },
      {
        name: 'pdf-viewer',
        path: `/a/${account}/c/${general.id}/m/${roadmap}`,
        then: async (page) => {
          await page.getByRole('button', { name: 'Open q3-roadmap.pdf' }).click();
          await page.getByRole('dialog').getByText('2 pages').waitFor();
        },
      },
      {
        name: 'find',
        path: `/a/${account}/c/${general.id}`,
        then: async (page) => {
          await page.getByRole('textbox', { name: /^Message / }).waitFor();
          await page.keyboard.press('Control+f');
          await page.getByRole('searchbox', { name: 'Find in conversation' }).fill('review');
          await page
            .getByRole('search', { name: 'Find in conversation' })
            .getByText(/\d of \d|No matches/)
            .first()
            .waitFor();
        },
      },
      {
        name: 'formatting',
        path: `/a/${account}/c/${general.id}`,
        dark: true,
        then: async (page) => {
          const box = page.getByRole('textbox', { name: /^Message / });
          await box.fill('Release is **ready**: run `npm start`, then\n- check the _preview_\n- ship it :tada:');
          await box.press('Control+Shift+P');
          await page.getByRole('region', { name: 'Preview' }).waitFor();
        },
      },
      {
        name: 'emoji',
        path: `/a/${account}/c/${general.id}`,
        then: async (page) => {
          const box = page.getByRole('textbox', { name: /^Message / });
          await box.pressSequentially('Great work :ta');
          await page.getByRole('listbox').getByRole('option').first().waitFor();
        },
      },
      {
        name: 'jump-to-date',
        path: `/a/${account}/c/${general.id}`,
        then: async (page) => {
          await page.getByRole('button', { name: /: jump to a date$/ }).click();
          await page.getByRole('form', { name: 'Jump to a date' }).waitFor();
        },
      },
      {
        name: 'files',
        path: `/a/${account}/c/${general.id}?panel=files`,
        then: async (page) => {
          await page.getByRole('checkbox').nth(2).waitFor();
        },
      },
      {
        name: 'csv',
        path: `/a/${account}/c/${general.id}/m/${launchPlan}`,
        then: async (page) => {
          await page.getByRole('region', { name: 'First rows of launch-plan.csv' }).waitFor();
        },
      },
      { name: 'narrow-thread', path: `/a/${account}/c/${general.id}`, width: 390, dark: true },
      {
        name: 'new-conversation',
        path: `/a/${account}`,
        then: async (page) => {
          await page.getByRole('button', { name: 'New conversation' }).click();
          await page.getByRole('textbox', { name: 'Name' }).fill('launch-war-room');
        },
      },
    ];
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
    const page = await browser.newPage({
      viewport: { width: shot.width ?? 1280, height: 800 },
      colorScheme: shot.dark ? 'dark' : 'light',
    });
    await page.goto(base + shot.path);
    await page.waitForLoadState('networkidle');
    await shot.then?.(page);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${shot.name}.png` });
    await page.close();
    console.log(`${out}/${shot.name}.png`);
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
