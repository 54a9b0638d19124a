import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { SANDBOX_AUTH, sandboxApi } from './sandbox-api';

interface SeededFile {
  messageId: string;
  id: string;
  name: string;
  type: string;
  sender: string;
}

interface SeededMessage {
  id: string;
  created_at: string;
  author?: { name?: string };
  attachments?: { id: string; file_name: string; file_type: string }[];
}

/** Every attachment of the busiest conversation of the first account, newest first, as the sandbox has them. */
async function seededFiles(request: APIRequestContext) {
  const api = sandboxApi(request);
  const { account, conversation } = await api.generalChannel();
  const messages = await api.walkMessages<SeededMessage>(account.id, conversation.id);
  const files: SeededFile[] = messages.flatMap((message) =>
    (message.attachments ?? []).map((attachment) => ({
      messageId: message.id,
      id: attachment.id,
      name: attachment.file_name,
      type: attachment.file_type,
      sender: message.author?.name ?? '',
    })),
  );
  return { account, conversation, messages: messages.length, files };
}

/** An attachment's bytes, straight from the sandbox. */
async function bytesOf(request: APIRequestContext, accountId: string, file: SeededFile) {
  const response = await request.get(
    `/sandbox/unified/messaging/messages/${file.messageId}/attachments/${file.id}/download`,
    { headers: { authorization: SANDBOX_AUTH, 'x-account-id': accountId } },
  );
  expect(response.ok()).toBe(true);
  return response.body();
}

/** The names a zip of these files should hold, in order: the second `a.png` is `a (2).png`, and so on. */
function expectedNames(names: string[]) {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${stem} (${n})${ext}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

const filesPanel = (page: Page) => page.getByRole('complementary', { name: /^Files/ });
const rows = (page: Page) =>
  filesPanel(page).getByRole('list', { name: 'Files of this conversation' }).locator(':scope > li');
/** The file names of the rows shown, top to bottom, read from their checkboxes. */
const shownNames = (page: Page) =>
  rows(page)
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')!.replace(/^Select /, '')));

async function openFiles(page: Page, accountId: string, conversationId: string) {
  await page.goto(`/a/${accountId}/c/${conversationId}`);
  await page.getByRole('link', { name: 'Files', exact: true }).click();
  await expect(page).toHaveURL(/panel=files/);
  await expect(filesPanel(page)).toBeVisible();
}

/** Waits until the panel has walked every page of the conversation. */
async function walked(page: Page, total: number) {
  await expect(filesPanel(page).getByText(/Finding files/)).toHaveCount(0, { timeout: 120_000 });
  await expect(filesPanel(page).getByRole('heading', { name: `Files ${total}` })).toBeVisible();
}

test.describe('files of a conversation', () => {
  // Each test walks every page of a conversation of thousands of messages.
  test.describe.configure({ timeout: 180_000 });
  test.afterEach(async ({ request }) => {
    await request.delete('/sandbox/_faults');
  });

  test('the Files panel lists every attachment, newest first, filters by type and sender, and gives the focus back', async ({
    page,
    request,
  }) => {
    const seeded = await seededFiles(request);
    expect(seeded.files.length, 'the seeded conversation has attachments').toBeGreaterThan(10);
    await openFiles(page, seeded.account.id, seeded.conversation.id);
    await expect(filesPanel(page)).toBeFocused();
    await walked(page, seeded.files.length);
    expect(await shownNames(page)).toEqual(seeded.files.map((file) => file.name));

    const type = filesPanel(page).getByRole('combobox', { name: 'Type' });
    await type.selectOption({ label: `PDFs (${seeded.files.filter((f) => f.type === 'application/pdf').length})` });
    const pdfs = seeded.files.filter((file) => file.type === 'application/pdf').map((file) => file.name);
    expect(pdfs.length).toBeGreaterThan(0);
    await expect.poll(() => shownNames(page)).toEqual(pdfs);

    await type.selectOption({ label: `All types (${seeded.files.length})` });
    const sender = seeded.files.at(-1)!.sender;
    await filesPanel(page).getByRole('combobox', { name: 'From' }).selectOption({ label: sender });
    const theirs = seeded.files.filter((file) => file.sender === sender).map((file) => file.name);
    await expect.poll(() => shownNames(page)).toEqual(theirs);
    await expect(rows(page).filter({ hasNotText: sender })).toHaveCount(0);

    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(filesPanel(page)).toBeHidden();
    await expect(page).not.toHaveURL(/panel=files/);
    await expect(page.getByRole('link', { name: 'Files', exact: true })).toBeFocused();
  });

  test('a zip of several files holds every one of them, byte for byte, under unique names; a failed file saves nothing until Retry', async ({
    page,
    request,
  }) => {
    const seeded = await seededFiles(request);
    const images = seeded.files.filter((file) => file.type.startsWith('image/'));
    const names = images.map((file) => file.name);
    expect(new Set(names).size, 'some images share a name').toBeLessThan(names.length);

    await openFiles(page, seeded.account.id, seeded.conversation.id);
    await walked(page, seeded.files.length);
    await filesPanel(page)
      .getByRole('combobox', { name: 'Type' })
      .selectOption({ label: `Images (${images.length})` });
    await expect.poll(() => shownNames(page)).toEqual(names);
    await filesPanel(page).getByRole('checkbox', { name: 'Select all (shown)' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      filesPanel(page)
        .getByRole('button', { name: `Download ${images.length} as zip` })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${seeded.conversation.name} files.zip`);
    await expect(filesPanel(page).getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
      `Saved ${seeded.conversation.name} files.zip (${images.length} files).`,
    );

    const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(entries)).toEqual(expectedNames(names));
    const expected = expectedNames(names);
    for (const [index, file] of images.entries()) {
      const entry = entries[expected[index]!]!;
      const original = await bytesOf(request, seeded.account.id, file);
      expect(Buffer.from(entry).equals(original), `${expected[index]} is ${file.name} byte for byte`).toBe(true);
    }

    // A file that fails stops the zip, names the file and saves nothing; Retry saves the whole zip.
    const others = seeded.files.filter((file) => /\.(zip|html)$/.test(file.name));
    await filesPanel(page)
      .getByRole('combobox', { name: 'Type' })
      .selectOption({ label: `Other (${others.length})` });
    await expect.poll(() => shownNames(page)).toEqual(others.map((file) => file.name));
    await filesPanel(page).getByRole('checkbox', { name: 'Select all (shown)' }).check();

    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const faults = await request.put('/sandbox/_faults', {
      data: [{ operation: 'download_messaging_attachment', kind: '500', count: 1 }],
    });
    expect(faults.ok()).toBe(true);
    await filesPanel(page)
      .getByRole('button', { name: `Download ${others.length} as zip` })
      .click();
    await expect(filesPanel(page).getByRole('alert')).toContainText(`Could not add ${others[0]!.name} to the zip`);
    await expect(filesPanel(page).getByRole('alert')).toContainText('Nothing was saved.');
    expect(downloads).toEqual([]);

    const [again] = await Promise.all([
      page.waitForEvent('download'),
      filesPanel(page).getByRole('button', { name: 'Retry' }).click(),
    ]);
    const retried = unzipSync(new Uint8Array(await readFile((await again.path())!)));
    expect(Object.keys(retried)).toEqual(expectedNames(others.map((file) => file.name)));
    expect(downloads).toHaveLength(1);
  });

  test('Cancel stops the zip without saving anything, and the walk where it is; Find older goes on', async ({
    page,
    request,
  }) => {
    const seeded = await seededFiles(request);
    await openFiles(page, seeded.account.id, seeded.conversation.id);
    await walked(page, seeded.files.length);
    const pdfs = seeded.files.filter((file) => file.type === 'application/pdf');
    await filesPanel(page)
      .getByRole('combobox', { name: 'Type' })
      .selectOption({ label: `PDFs (${pdfs.length})` });
    await filesPanel(page).getByRole('checkbox', { name: 'Select all (shown)' }).check();

    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const aborted = page.waitForEvent('requestfailed', (failed) => /\/attachments\/.+\/download$/.test(failed.url()));
    await request.put('/sandbox/_faults', {
      data: [{ operation: 'download_messaging_attachment', kind: 'delay', delayMs: 5_000 }],
    });
    await filesPanel(page)
      .getByRole('button', { name: `Download ${pdfs.length} as zip` })
      .click();
    await expect(filesPanel(page).getByRole('progressbar', { name: 'Zipping files' })).toBeVisible();
    await expect(
      filesPanel(page)
        .getByRole('status')
        .filter({ hasText: `0 of ${pdfs.length} files` }),
    ).toBeVisible();
    await filesPanel(page).getByRole('button', { name: 'Cancel the zip' }).click();
    await aborted;
    await expect(filesPanel(page).getByRole('progressbar', { name: 'Zipping files' })).toHaveCount(0);
    await expect(filesPanel(page).getByRole('button', { name: `Download ${pdfs.length} as zip` })).toBeEnabled();
    expect(downloads).toEqual([]);

    // The walk: slowed down, stopped after a page or two, then taken up again.
    await request.put('/sandbox/_faults', {
      data: [{ operation: 'list_conversation_messages', kind: 'delay', delayMs: 700 }],
    });
    const fresh = await page.context().newPage();
    await fresh.goto(`/a/${seeded.account.id}/c/${seeded.conversation.id}?panel=files`);
    await expect(filesPanel(fresh).getByText(/^Finding files · [1-9][\d,]* messages back$/)).toBeVisible({
      timeout: 15_000,
    });
    await filesPanel(fresh).getByRole('button', { name: 'Cancel' }).click();
    await expect(filesPanel(fresh).getByText(/^Stopped [\d,]+ messages back/)).toBeVisible();
    await request.delete('/sandbox/_faults');
    await filesPanel(fresh).getByRole('button', { name: 'Find older' }).click();
    await walked(fresh, seeded.files.length);
    expect((await new AxeBuilder({ page: fresh }).analyze()).violations).toEqual([]);
  });
});
