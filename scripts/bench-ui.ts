/** UI figures measured in Chromium against a running inbox server (used by `npm run bench`). */
import { chromium, type Page } from '@playwright/test';
import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface UiFigures {
  coldOpenMs: number[];
  cachedSwitchMs: number[];
  longTasksOver50: number;
  longestTaskMs: number;
  maxMountedRows: number;
  messagesScrolled: number;
  initialJsGzipKb: number;
  download: BrowserDownloadFigure | null;
  deepPermalink: PermalinkFigure | null;
}

export interface PermalinkFigure {
  /** How many messages back from the newest the linked message is. */
  depth: number;
  /** From the start of the page load until the linked message is on screen. */
  ms: number;
  /** Requests for the conversation's pages of messages on the way. */
  pageRequests: number;
}

/** Loads a permalink as a fresh page and times it until the linked message is on screen, inside the thread's view. */
async function timePermalink(page: Page, url: string, messageId: string, depth: number): Promise<PermalinkFigure> {
  let pageRequests = 0;
  const count = (request: { url: () => string }) => {
    if (/\/conversations\/[^/]+\/messages\?/.test(request.url())) pageRequests++;
  };
  page.on('request', count);
  await page.goto(url);
  const ms = await page.evaluate(async (id) => {
    const onScreen = () => {
      const log = document.querySelector('[role="log"]')?.getBoundingClientRect();
      const row = document.querySelector(`[data-message-id="${id}"] article`)?.getBoundingClientRect();
      return !!log && !!row && row.top >= log.top - 1 && row.bottom <= log.bottom + 1;
    };
    while (!onScreen()) await new Promise((r) => requestAnimationFrame(r));
    // performance.now() counts from the start of the navigation.
    return performance.now();
  }, messageId);
  page.off('request', count);
  return { depth, ms, pageRequests };
}

export interface BrowserDownloadFigure {
  name: string;
  bytes: number;
  seconds: number;
  /** The most ArrayBuffer memory the page held while the file came (CDP's `backingStorageSize`, sampled). */
  peakBuffersMb: number;
}

/** Clicks Download on a file card and waits until the browser has saved the file, sampling the page's buffers. */
async function timeDownload(
  page: Page,
  base: string,
  path: string,
  file: { message: string; name: string; size: number },
): Promise<BrowserDownloadFigure> {
  await page.goto(base + path);
  const item = page
    .locator(`[data-message-id="${file.message}"]`)
    .getByRole('listitem', { name: file.name, exact: true });
  const button = item.getByRole('button', { name: `Download ${file.name}`, exact: true });
  await button.waitFor();
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let sampling = true;
  const sample = (async () => {
    while (sampling) {
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
      peak = Math.max(peak, usage.backingStorageSize ?? 0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const saved = page.waitForEvent('download', { timeout: 300_000 });
  await button.click();
  const download = await saved;
  await download.path();
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sample;
  return { name: file.name, bytes: file.size, seconds, peakBuffersMb: peak / 1e6 };
}

/** Gzipped size of the JavaScript the first screen loads: the entry and its static imports. */
export function initialJsGzipKb(distDir = 'dist'): number {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(`${distDir}/${file}`), { level: 9 }).length, 0);
  return bytes / 1024;
}

export function allAssetsGzipKb(distDir = 'dist'): number {
  if (!existsSync(`${distDir}/assets`)) return 0;
  return readdirSync(`${distDir}/assets`)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(`${distDir}/assets/${f}`), { level: 9 }).length / 1024, 0);
}

/**
 * Clicks a conversation row with the mouse as a person does (over the row, down, up 80 ms later) and resolves with the
 * time from the click until the conversation's newest message is on screen: inside the thread's view, not hidden while
 * the list measures itself, counted in frames.
 */
export async function timeOpen(page: Page, href: string, newestId: string): Promise<number> {
  // Let the previous view settle, as a person would between two clicks.
  await page.waitForTimeout(300);
  const link = page.locator(`a[href="${href}"]`).first();
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  if (!box) throw new Error(`no row links to ${href}`);
  await page.evaluate((id) => {
    const onScreen = () => {
      const row = document.querySelector(`[data-message-id="${id}"]`);
      const log = row?.closest('[role="log"]')?.getBoundingClientRect();
      if (!row || !log) return false;
      const rect = row.getBoundingClientRect();
      const visible = getComputedStyle(row).visibility === 'visible' && rect.height > 0;
      return visible && rect.top >= log.top - 1 && rect.bottom <= log.bottom + 1;
    };
    (globalThis as { opened?: Promise<number> }).opened = new Promise<number>((resolve) => {
      addEventListener(
        'click',
        (event) => {
          const clicked = event.timeStamp;
          const frame = () => (onScreen() ? resolve(performance.now() - clicked) : requestAnimationFrame(frame));
          requestAnimationFrame(frame);
        },
        { once: true, capture: true },
      );
    });
  }, newestId);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(80);
  await page.mouse.up();
  return page.evaluate(() => (globalThis as { opened?: Promise<number> }).opened!);
}

/** A conversation to open, and its newest message: what a person waits to see. */
export interface OpenTarget {
  id: string;
  newestId: string;
}

/** The message a permalink 7,000 messages back leads to (or the oldest, in a shorter conversation). */
export function deepMessageOf(db: Database, conversation: { pk: number; n: number }): { id: string; depth: number } {
  const depth = Math.min(7_000, conversation.n);
  const { id } = db
    .prepare('SELECT id FROM messages WHERE conversation_pk = ? ORDER BY seq DESC LIMIT 1 OFFSET ?')
    .get(conversation.pk, depth - 1) as { id: string };
  return { id, depth };
}

/** The newest message of each conversation, asked of the sandbox. */
export async function openTargets(
  base: string,
  headers: Record<string, string>,
  conversationIds: string[],
): Promise<OpenTarget[]> {
  const targets: OpenTarget[] = [];
  for (const id of conversationIds) {
    const answer = await fetch(`${base}/sandbox/unified/messaging/conversations/${id}/messages?page_size=1`, {
      headers,
    });
    const newest = ((await answer.json()) as { data?: { id: string }[] }).data?.[0];
    if (newest) targets.push({ id, newestId: newest.id });
  }
  return targets;
}

export async function measureUi(
  base: string,
  accountId: string,
  opens: OpenTarget[],
  big: OpenTarget,
  bigFile?: { message: string; name: string; size: number },
  deepMessage?: { id: string; depth: number },
): Promise<UiFigures> {
  const browser = await chromium.launch({
    executablePath: [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p)),
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a helper that the page does not have.
    await page.addInitScript('globalThis.__name = (fn) => fn');
    const accountPath = `/a/${accountId}`;
    await page.goto(base + accountPath);
    await page.locator(`a[href^="${accountPath}/c/"]`).first().waitFor();
    // Warm the thread's code chunk so that the figures are about data, not the first download of the chunk.
    const open = (target: OpenTarget) => timeOpen(page, `${accountPath}/c/${target.id}`, target.newestId);
    await open(opens.at(-1)!);

    const coldOpenMs: number[] = [];
    for (const target of opens.slice(0, -1)) coldOpenMs.push(await open(target));
    const cachedSwitchMs: number[] = [];
    for (const target of opens.slice(0, -1)) cachedSwitchMs.push(await open(target));

    // Scroll up through a long conversation until 1,000 messages have been loaded, like a reader flicking upward.
    await open(big);
    const scroll = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const log = document.querySelector('[role="log"]')!;
      const thread = document.querySelector('[data-testid="thread"]')!;
      let maxMounted = 0;
      const started = performance.now();
      while (Number(thread.getAttribute('data-loaded')) < 1000 && performance.now() - started < 60_000) {
        log.scrollBy({ top: -300 });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        maxMounted = Math.max(maxMounted, document.querySelectorAll('[data-message-id]').length);
      }
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return { longTasks, maxMounted, loaded: Number(thread.getAttribute('data-loaded')) };
    });

    // A very large download in the app: the bytes stream into the browser's blob store, not the page.
    const download = bigFile
      ? await timeDownload(page, base, `${accountPath}/c/${big.id}/m/${bigFile.message}`, bigFile)
      : null;

    // A permalink far back in the long conversation, opened as a fresh page (twice: the second is the figure).
    let deepPermalink: PermalinkFigure | null = null;
    if (deepMessage) {
      const url = `${base}${accountPath}/c/${big.id}/m/${deepMessage.id}`;
      await timePermalink(page, url, deepMessage.id, deepMessage.depth);
      deepPermalink = await timePermalink(page, url, deepMessage.id, deepMessage.depth);
    }

    return {
      deepPermalink,
      download,
      coldOpenMs,
      cachedSwitchMs,
      longTasksOver50: scroll.longTasks.filter((d) => d > 50).length,
      longestTaskMs: Math.max(0, ...scroll.longTasks),
      maxMountedRows: scroll.maxMounted,
      messagesScrolled: scroll.loaded,
      initialJsGzipKb: initialJsGzipKb(),
    };
  } finally {
    await browser.close();
  }
}
