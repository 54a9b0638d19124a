import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { largeSampleFile, sampleFiles } from '../src/server/sandbox/seed/sample-files';
import { sandboxApi } from './sandbox-api';

interface Found {
  accountId: string;
  conversationId: string;
  messageId: string;
  names: string[];
}

/** Where each seeded sample file was attached in the busiest conversation of the first account (newest first). */
async function attachmentsOf(api: ReturnType<typeof sandboxApi>): Promise<Found[]> {
  const { account, conversation } = await api.generalChannel();
  const found: Found[] = [];
  let next: string | null = null;
  for (let page = 0; page < 5; page++) {
    const answer: { data: { id: string; attachments?: { file_name: string }[] }[]; next: string | null } =
      await api.messages(account.id, conversation.id, next ? `&next=${next}` : '');
    for (const message of answer.data) {
      if (message.attachments?.length) {
        found.push({
          accountId: account.id,
          conversationId: conversation.id,
          messageId: message.id,
          names: message.attachments.map((a) => a.file_name),
        });
      }
    }
    next = answer.next;
    if (!next) break;
  }
  return found;
}

const messageWith = (found: Found[], name: string) => {
  const hit = found.find((f) => f.names.includes(name));
  expect(hit, `a message carries ${name}`).toBeTruthy();
  return hit!;
};

const open = (page: Page, at: Found) => page.goto(`/a/${at.accountId}/c/${at.conversationId}/m/${at.messageId}`);
const row = (page: Page, at: Found) => page.locator(`[data-message-id="${at.messageId}"]`);
const card = (page: Page, at: Found, name: string) => row(page, at).getByRole('listitem', { name, exact: true });

/** The lightbox's "3 of 12+" counter: the position, the images loaded, and whether older messages may hold more. */
async function positionOf(counter: Locator) {
  const match = /^(\d+) of (\d+)(\+?)$/.exec((await counter.textContent()) ?? '');
  expect(match, 'the counter reads "N of M"').toBeTruthy();
  return { at: Number(match![1]), of: Number(match![2]), more: match![3] === '+' };
}

const isRaster = (name: string) => /\.(png|jpe?g|gif|webp)$/.test(name);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sample = (name: string) => sampleFiles().find((f) => f.name === name)!;

/** Fails the test on any dialog (alert/confirm/prompt), page error, console error or new tab. */
function watchForScript(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.context().on('page', (opened) => problems.push(`opened a tab: ${opened.url()}`));
  return problems;
}

test.describe('attachments', () => {
  test('thumbnails render for PNG, JPEG, GIF and WebP', async ({ page, request }) => {
    const found = await attachmentsOf(sandboxApi(request));
    for (const name of [
      'q3-revenue-chart.png',
      'inbox-redesign-v2.png',
      'team-offsite.jpg',
      'launch-party.gif',
      'northern-lights.webp',
    ]) {
      const at = messageWith(found, name);
      await open(page, at);
      const image = card(page, at, name).getByRole('img', { name, exact: true });
      await expect(image).toBeVisible();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), { message: name })
        .toBeGreaterThan(0);
      // The reserved box: no larger than 360 × 240.
      const box = (await card(page, at, name).getByTestId('thumbnail').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(360);
      expect(box.height).toBeLessThanOrEqual(240);
      expect(await image.getAttribute('src')).toMatch(/^blob:/);
    }
  });

  test('on a phone, a file name that does not fit is cut before its last word, which stays whole with the extension', async ({
    page,
    request,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const found = await attachmentsOf(sandboxApi(request));
    const at = messageWith(found, 'q3-revenue-chart.png');
    await open(page, at);
    const name = card(page, at, 'q3-revenue-chart.png').getByTestId('file-name');
    await expect(name).toHaveAttribute('title', 'q3-revenue-chart.png');
    const tail = name.locator(':scope > span').last();
    await expect(tail).toHaveText('chart.png');
    const [tailBox, cardBox] = [await tail.boundingBox(), await card(page, at, 'q3-revenue-chart.png').boundingBox()];
    expect(tailBox!.x + tailBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
  });

  test('SVG and HTML files get a card only, and downloading them never runs their script', async ({
    page,
    request,
  }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const problems = watchForScript(page);
    for (const name of ['xss-test.svg', 'xss-test.html']) {
      const at = messageWith(found, name);
      await open(page, at);
      const item = card(page, at, name);
      await expect(item.getByRole('button', { name: `Download ${name}` })).toBeVisible();
      expect(await item.locator('img, iframe, object, embed').count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: `Download ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      expect(sha256(await readFile((await download.path())!))).toBe(sha256(sample(name).bytes));
      await page.waitForTimeout(500);
    }
    expect(page.url()).toContain('/m/');
    expect(problems).toEqual([]);
  });

  test('a download of each seeded sample type saves the stored bytes under its name', async ({ page, request }) => {
    test.setTimeout(120_000);
    const found = await attachmentsOf(sandboxApi(request));
    const problems = watchForScript(page);
    for (const file of sampleFiles()) {
      const at = messageWith(found, file.name);
      await open(page, at);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card(page, at, file.name)
          .getByRole('button', { name: `Download ${file.name}`, exact: true })
          .click(),
      ]);
      expect(download.suggestedFilename()).toBe(file.name);
      expect(sha256(await readFile((await download.path())!)), file.name).toBe(sha256(file.bytes));
    }
    expect(problems).toEqual([]);
  });

  test('PDFs show their first page from a frame that cannot reach the app, and script in a PDF never runs', async ({
    page,
    request,
  }) => {
    const problems = watchForScript(page);
    const found = await attachmentsOf(sandboxApi(request));
    for (const [name, pages, title] of [
      ['q3-roadmap.pdf', '2 pages', 'Q3 2026 Product Roadmap'],
      ['xss-test.pdf', '1 page', 'Quarterly bonus letter'],
    ] as const) {
      const pdf = messageWith(found, name);
      await open(page, pdf);
      const preview = card(page, pdf, name).getByTestId('pdf-preview');
      await expect(preview).toHaveAttribute('aria-busy', 'false');
      await expect(preview).toContainText(`PDF · ${pages}`);
      const element = preview.locator('iframe');
      await expect(element).toHaveAttribute('sandbox', 'allow-scripts');
      await expect(element).toHaveAttribute('title', `First page of ${name}`);
      const frame = (await (await element.elementHandle())!.contentFrame())!;

      // The page is drawn: the canvas shows, and hundreds of its pixels are ink rather than white paper.
      const ink = await frame.evaluate(() => {
        const canvas = document.querySelector('canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) dark++;
        return { hidden: canvas.hidden, width: canvas.width, dark };
      });
      expect(ink.hidden, name).toBe(false);
      expect(ink.width, name).toBeGreaterThan(300);
      expect(ink.dark, name).toBeGreaterThan(200);

      // The frame's origin is opaque: no way into the app's document, cookies or storage.
      const reach = await frame.evaluate(() => {
        const attempt = (read: () => unknown) => {
          try {
            read();
            return 'reached';
          } catch {
            return 'blocked';
          }
        };
        return {
          origin: self.origin,
          parent: attempt(() => window.parent.document.title),
          cookie: attempt(() => document.cookie),
          storage: attempt(() => window.localStorage.length),
        };
      });
      expect(reach).toEqual({ origin: 'null', parent: 'blocked', cookie: 'blocked', storage: 'blocked' });

      // Opening it shows every page in a viewer; clicking where the hostile file puts its javascript: link and
      // pressing Escape inside the frame closes the viewer and runs nothing.
      const opener = card(page, pdf, name).getByRole('button', { name: `Open ${name}`, exact: true });
      await opener.click();
      const viewer = page.getByRole('dialog', { name });
      await expect(viewer.getByTestId('pdf-viewer-pages')).toHaveText(pages);
      const pagesFrame = (await (await viewer.locator('iframe').elementHandle())!.contentFrame())!;
      await expect.poll(() => pagesFrame.locator('.page').count()).toBe(Number(pages[0]));
      await expect.poll(() => pagesFrame.locator('.page canvas').count()).toBeGreaterThan(0);
      // The text is there, over the picture, to select, copy, find and read aloud.
      const firstPage = pagesFrame.getByRole('group', { name: `Page 1 of ${pages[0]}` });
      await expect(firstPage).toContainText(title);
      expect(await pagesFrame.evaluate(() => self.origin)).toBe('null');
      await pagesFrame
        .locator('.page')
        .first()
        .click({ position: { x: 120, y: 60 } });
      // Down, then up once the viewer (and the frame that had the key) is gone.
      await page.keyboard.down('Escape');
      await expect(viewer).toHaveCount(0);
      await page.keyboard.up('Escape');
      await expect(opener).toBeFocused();
    }
    expect(problems).toEqual([]);

    // The viewer passes axe (which opens a tab of its own, so it runs after the watch above).
    await card(page, messageWith(found, 'xss-test.pdf'), 'xss-test.pdf')
      .getByRole('button', { name: 'Open xss-test.pdf', exact: true })
      .click();
    await expect(page.getByRole('dialog').getByTestId('pdf-viewer-pages')).toHaveText('1 page');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });

  test('the PDF viewer says which page is on top, goes to a typed page, and zooms from its bar and from the keys', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const pdf = messageWith(await attachmentsOf(sandboxApi(request)), 'q3-roadmap.pdf');
    await open(page, pdf);
    await card(page, pdf, 'q3-roadmap.pdf').getByRole('button', { name: 'Open q3-roadmap.pdf', exact: true }).click();
    const viewer = page.getByRole('dialog', { name: 'q3-roadmap.pdf' });
    const bar = viewer.getByRole('group', { name: 'Pages and zoom' });
    const pageNumber = bar.getByRole('textbox', { name: 'Page number, 1 to 2' });
    await expect(pageNumber).toHaveValue('1');
    await expect(bar).toContainText('of 2');
    await expect(bar.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    const frame = (await (await viewer.locator('iframe').elementHandle())!.contentFrame())!;
    const pageBox = (number: number) => frame.locator(`.page[data-page="${number}"]`);
    const topOf = (number: number) => pageBox(number).evaluate((box) => box.getBoundingClientRect().top);
    const widthOf = (number: number) => pageBox(number).evaluate((box) => box.getBoundingClientRect().width);
    await expect.poll(() => frame.locator('.page canvas').count()).toBeGreaterThan(0);

    // A typed page comes to the top, and the number follows the reader back up.
    await pageNumber.fill('2');
    await pageNumber.press('Enter');
    await expect.poll(() => topOf(2)).toBeLessThan(40);
    await expect(pageNumber).toHaveValue('2');
    await expect(bar.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await bar.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => topOf(1)).toBeLessThan(40);
    await expect(pageNumber).toHaveValue('1');
    await frame.locator('html').evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(pageNumber).toHaveValue('2');
    // A number past the end goes to the last page; one that is not a number changes nothing.
    await pageNumber.fill('99');
    await pageNumber.press('Enter');
    await expect(pageNumber).toHaveValue('2');
    await pageNumber.fill('two');
    await pageNumber.press('Enter');
    await expect(pageNumber).toHaveValue('2');

    // Zoom from the bar: the pages are drawn wider, the reader's page stays on top, and Fit width brings it back.
    const fitted = await widthOf(1);
    const zoom = bar.getByRole('status', { name: 'Zoom' });
    await expect(zoom).toHaveText('100%');
    await bar.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).toHaveText('125%');
    await expect.poll(() => widthOf(1)).toBeCloseTo(fitted * 1.25, 0);
    await expect(pageNumber).toHaveValue('2');
    await expect.poll(() => pageBox(2).locator('canvas').count()).toBe(1);
    // Deep in: a page far out of view gives its drawing back, and is drawn again when the reader returns.
    for (const step of ['150%', '200%', '300%']) {
      await bar.getByRole('button', { name: 'Zoom in' }).click();
      await expect(zoom).toHaveText(step);
    }
    await expect(bar.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
    await frame.locator('html').evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => pageBox(1).locator('canvas').count()).toBe(0);
    await pageNumber.fill('1');
    await pageNumber.press('Enter');
    await expect.poll(() => pageBox(1).locator('canvas').count()).toBe(1);
    await bar.getByRole('button', { name: 'Fit width' }).click();
    await expect(zoom).toHaveText('100%');
    await expect.poll(() => widthOf(1)).toBeCloseTo(fitted, 0);

    // And from the keys, outside the frame and inside it, never zooming the app itself.
    await bar.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('Control+Minus');
    await expect(zoom).toHaveText('75%');
    await pageBox(2).click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+Equal');
    await expect(zoom).toHaveText('100%');
    await page.keyboard.press('Control+Equal');
    await expect(zoom).toHaveText('125%');
    await page.keyboard.press('Control+Digit0');
    await expect(zoom).toHaveText('100%');
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect((await new AxeBuilder({ page }).include('[data-testid="pdf-viewer"]').analyze()).violations).toEqual([]);
  });

  test('a CSV previews as a table of its first rows; Show all opens every row, and a text file in full', async ({
    page,
    request,
  }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const csv = messageWith(found, 'launch-plan.csv');
    await open(page, csv);
    const table = card(page, csv, 'launch-plan.csv').getByRole('region', { name: 'First rows of launch-plan.csv' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'task_id',
      'task',
      'owner',
      'team',
      'start_date',
      'due_date',
      'status',
      'estimate_days',
      'notes',
    ]);
    await expect(table.getByRole('row')).toHaveCount(6);
    // Quoted commas and doubled quotes are read as CSV, not split.
    await expect(table.getByRole('cell', { name: 'Legal review on Thursday, then schedule' })).toBeVisible();
    await expect(table).toContainText('First 5 of 10 rows');
    // Wider than the card: it scrolls sideways.
    expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

    await card(page, csv, 'launch-plan.csv').getByRole('button', { name: 'Show all of launch-plan.csv' }).click();
    const viewer = page.getByRole('dialog', { name: 'launch-plan.csv' });
    await expect(viewer.getByTestId('text-viewer-extent')).toHaveText('The whole file');
    const all = viewer.getByRole('region', { name: 'Rows of launch-plan.csv' });
    await expect(all.getByRole('row')).toHaveCount(11);
    await expect(all.getByRole('cell', { name: 'Cover "where did my folders go?" question' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await expect(
      card(page, csv, 'launch-plan.csv').getByRole('button', { name: 'Show all of launch-plan.csv' }),
    ).toBeFocused();

    const notes = messageWith(found, 'meeting-notes.txt');
    await open(page, notes);
    const text = new TextDecoder().decode(sample('meeting-notes.txt').bytes);
    await card(page, notes, 'meeting-notes.txt').getByRole('button', { name: 'Show all of meeting-notes.txt' }).click();
    const full = page
      .getByRole('dialog', { name: 'meeting-notes.txt' })
      .getByRole('region', { name: 'Text of meeting-notes.txt' });
    await expect(full).toHaveText(text, { useInnerText: false });
    await page.screenshot({ path: 'reports/screenshots/text-viewer.png' });
  });

  test('the lightbox walks the images by keyboard, zooms, passes axe, and gives the focus back', async ({
    page,
    request,
  }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const at = found.find((f) => f.names.length >= 3 && f.names.every(isRaster));
    expect(at, 'a message carries three images').toBeTruthy();
    await open(page, at!);
    const [first, second] = at!.names;
    const opener = card(page, at!, first!).getByRole('button', { name: `Open ${first}`, exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { name: first, exact: true })).toBeVisible();
    const counter = dialog.getByTestId('lightbox-counter');
    await expect(counter).toHaveText(/^\d+ of \d+\+?$/);
    const start = await positionOf(counter);
    const image = dialog.getByRole('img', { name: first, exact: true });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);

    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`${start.at + 1} of ${start.of}${start.more ? '+' : ''}`);
    await expect(dialog.getByRole('heading', { name: second, exact: true })).toBeVisible();
    await expect(dialog.getByRole('img', { name: second, exact: true })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`${start.at} of ${start.of}${start.more ? '+' : ''}`);

    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const fitted = (await image.boundingBox())!;
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await expect(dialog.getByRole('button', { name: 'Zoom out' })).toBeVisible();
    const zoomed = (await image.boundingBox())!;
    expect(zoomed.width).toBeGreaterThan(fitted.width);
    await expect(dialog.getByRole('button', { name: `Download ${first}`, exact: true })).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('the lightbox walks every loaded image of the conversation, and loads older messages for older images', async ({
    page,
    request,
  }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const withImages = found.filter((f) => f.names.some(isRaster));
    expect(withImages.flatMap((f) => f.names.filter(isRaster)).length, 'six images or more').toBeGreaterThan(5);
    const newest = withImages[0]!;
    const name = newest.names.find(isRaster)!;
    await open(page, newest);
    await card(page, newest, name)
      .getByRole('button', { name: `Open ${name}`, exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    const counter = dialog.getByTestId('lightbox-counter');
    await expect(counter).toHaveText(/^\d+ of \d+\+$/);
    const start = await positionOf(counter);

    // Going back walks the conversation's images, newest to oldest, across messages; when it reaches the oldest
    // loaded image it loads older messages and goes on.
    const expected = withImages.flatMap((f) => f.names.filter(isRaster).reverse());
    const steps = start.at;
    expect(expected.length, 'the images found reach past those loaded').toBeGreaterThan(steps);
    const heading = dialog.getByRole('heading');
    await expect(heading).toHaveText(expected[0]!);
    // Who sent it, and when.
    const sent = (
      await sandboxApi(request).get<{ data: { author: { name: string } } }>(
        `/unified/messaging/messages/${newest.messageId}`,
        newest.accountId,
      )
    ).data;
    await expect(dialog.getByTestId('lightbox-sender')).toHaveText(new RegExp(`^${sent.author.name} · .*\\d.* · $`));
    for (let step = 1; step <= steps; step++) {
      await page.keyboard.press('ArrowLeft');
      await expect(heading).toHaveText(expected[step]!, { timeout: 15_000 });
      await expect(counter).toHaveText(/^\d+ of \d+\+?$/);
    }
    const after = await positionOf(counter);
    expect(after.of, 'older images were loaded').toBeGreaterThan(start.of);
    expect(after.of - after.at, 'the images walked are newer than this one').toBe(steps);
    await page.keyboard.press('ArrowRight');
    await expect(heading).toHaveText(expected[steps - 1]!);
    await expect(dialog.getByRole('img', { name: expected[steps - 1]!, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('a thread with images and file cards has no axe violations', async ({ page, request }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const at = found.find((f) => f.names.length >= 3);
    expect(at, 'a message carries three images').toBeTruthy();
    await open(page, at!);
    for (const name of at!.names)
      await expect(card(page, at!, name).getByRole('img', { name, exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test('a large download shows its progress, Cancel stops it, and a full one saves the exact bytes', async ({
    page,
    request,
  }) => {
    const found = await attachmentsOf(sandboxApi(request));
    const name = 'events-export-2026.csv';
    const at = messageWith(found, name);
    await open(page, at);
    const item = card(page, at, name);
    await expect(item.getByText('53 MB')).toBeVisible();
    // A slow line, so the 53 MB file takes a while.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: 4_000_000,
      uploadThroughput: 1_000_000,
    });
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await item.getByRole('button', { name: `Download ${name}` }).click();
    const progress = item.getByRole('progressbar', { name: `Downloading ${name}` });
    await expect(progress).toBeVisible();
    await expect(item.getByText(/ of 53 MB$/)).toBeVisible();
    await expect.poll(() => progress.evaluate((bar: HTMLProgressElement) => bar.value)).toBeGreaterThan(0);
    await item.getByRole('button', { name: `Cancel download of ${name}` }).click();
    await expect(progress).toHaveCount(0);
    await expect(item.getByRole('button', { name: `Download ${name}` })).toBeVisible();
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);

    // At full speed it completes, and the saved file is the stored file, byte for byte.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const saving = page.waitForEvent('download', { timeout: 60_000 });
    await item.getByRole('button', { name: `Download ${name}` }).click();
    const download = await saving;
    expect(download.suggestedFilename()).toBe(name);
    const hash = createHash('sha256');
    for (const chunk of largeSampleFile().chunks()) hash.update(chunk);
    expect(sha256(await readFile((await download.path())!))).toBe(hash.digest('hex'));
  });
});
