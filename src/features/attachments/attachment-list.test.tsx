// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountQueries } from '../../api/accounts';
import type { LinkedAccount } from '../../contract/accounts';
import type { Attachment, Message } from '../../contract/models';
import { AccountContext } from '../../lib/account-context';
import { installInProcessServer } from '../../test/in-process-fetch';
import { formatSize } from '../../lib/format-size';
import { AttachmentList } from './attachment-list';

let server: ReturnType<typeof installInProcessServer>;
let account: LinkedAccount;
/** The seeded attachments of the busiest conversation, by file name, with their message. */
const byName = new Map<string, { messageId: string; attachment: Attachment }>();
const created: string[] = [];
/** The seeded messages that carry attachments. */
const withAttachments: Message[] = [];
const revoked: string[] = [];

beforeAll(async () => {
  server = installInProcessServer();
  account = (await new QueryClient().fetchQuery(accountQueries.list()))[0]!;
  const conversations = await server.apiJson<{ data: { id: string; name: string | null }[] }>(
    '/unified/messaging/conversations?page_size=100',
  );
  const general = conversations.body.data.find((c) => c.name === 'general')!;
  let next: string | null = null;
  for (let page = 0; page < 5; page++) {
    const answer: { body: { data: Message[]; next: string | null } } = await server.apiJson(
      `/unified/messaging/conversations/${general.id}/messages?page_size=100${next ? `&next=${next}` : ''}`,
    );
    for (const message of answer.body.data) {
      if (message.attachments?.length) withAttachments.push(message);
      for (const attachment of message.attachments ?? [])
        byName.set(attachment.file_name!, { messageId: message.id!, attachment });
    }
    next = answer.body.next;
    if (!next) break;
  }
  // jsdom has no object URLs; count what the component creates and revokes.
  URL.createObjectURL = vi.fn(() => {
    created.push(`blob:test/${created.length}`);
    return created.at(-1)!;
  });
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  // jsdom has no media loading either; players call load() to stop when they leave.
  HTMLMediaElement.prototype.load = vi.fn();
});
afterAll(() => server.restore());
afterEach(cleanup);

function renderList(messageId: string, attachments: Attachment[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <AccountContext.Provider value={{ accountId: account.id, account, selfId: null }}>
        <AttachmentList messageId={messageId} attachments={attachments} />
      </AccountContext.Provider>
    </QueryClientProvider>,
  );
}

const seeded = (name: string) => {
  const found = byName.get(name);
  if (!found) throw new Error(`${name} is not among the seeded attachments`);
  return found;
};

describe('AttachmentList', () => {
  it('shows a file card per attachment: name, size and Download', async () => {
    const pdf = seeded('q3-roadmap.pdf');
    renderList(pdf.messageId, [pdf.attachment]);
    const card = screen.getByRole('listitem', { name: 'q3-roadmap.pdf' });
    expect(within(card).getByTitle('q3-roadmap.pdf')).toHaveTextContent('q3-roadmap.pdf');
    expect(within(card).getByText(/^\d+(\.\d)? KB$/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Download q3-roadmap.pdf' })).toBeInTheDocument();
  });

  it('renders a hostile name as text, and shows a real PNG behind it as a thumbnail, revoked on unmount', async () => {
    const png = seeded('q3-revenue-chart.png');
    const name = '<img src=x onerror=alert(1)>.png';
    const view = renderList(png.messageId, [{ ...png.attachment, file_name: name }]);
    const card = screen.getByRole('listitem', { name });
    expect(within(card).getByTitle(name).textContent).toBe(name);
    const image = await within(card).findByRole('img', { name });
    expect(card.querySelectorAll('img')).toHaveLength(1);
    const url = image.getAttribute('src')!;
    expect(url).toMatch(/^blob:test\//);
    view.unmount();
    expect(revoked).toContain(url);
  });

  it('keeps the extension of a long name in its own unshrinking part', () => {
    const pdf = seeded('q3-roadmap.pdf');
    const name = `${'quarterly-business-review-with-appendices-'.repeat(3)}final.pdf`;
    renderList(pdf.messageId, [{ ...pdf.attachment, file_name: name }]);
    const label = screen.getByTitle(name);
    expect(label.textContent).toBe(name);
    const tail = label.lastElementChild!;
    expect(tail.textContent).toMatch(/\.pdf$/);
    expect(tail.className).toContain('shrink-0');
    expect(label.firstElementChild!.className).toContain('truncate');
  });

  it('never previews SVG or HTML, even an SVG declared as PNG', async () => {
    const svg = seeded('xss-test.svg');
    const html = seeded('xss-test.html');
    const logo = seeded('acme-logo.svg');
    const disguised = { ...logo.attachment, file_name: 'acme-logo.png', file_type: 'image/png' };
    renderList(svg.messageId, [svg.attachment]);
    renderList(html.messageId, [html.attachment]);
    renderList(logo.messageId, [disguised]);
    // The disguised SVG is fetched and checked, then falls back to a plain card.
    const card = screen.getByRole('listitem', { name: 'acme-logo.png' });
    await waitFor(() => expect(within(card).queryByTestId('thumbnail')).not.toBeInTheDocument());
    for (const name of ['xss-test.svg', 'xss-test.html', 'acme-logo.png']) {
      const item = screen.getByRole('listitem', { name });
      expect(item.querySelector('img, iframe, object, embed, svg:not([aria-hidden="true"])')).toBeNull();
      expect(within(item).getByRole('button', { name: `Download ${name}` })).toBeInTheDocument();
    }
  });

  it('says why a download failed, with Retry', async () => {
    const pdf = seeded('q3-roadmap.pdf');
    renderList(pdf.messageId, [{ ...pdf.attachment, id: 'no-such-attachment', file_name: 'gone.pdf' }]);
    // The preview fails first (no such file), leaving the plain card.
    await waitFor(() => expect(screen.queryByTestId('pdf-preview')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Download gone.pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Download failed: \S/);
    expect(screen.getByRole('button', { name: 'Retry download of gone.pdf' })).toBeInTheDocument();
  });

  it('previews audio and video from verified bytes', async () => {
    for (const name of ['notification-chime.wav', 'product-demo.mp4']) {
      const found = seeded(name);
      renderList(found.messageId, [found.attachment]);
    }
    const audio = await waitFor(() => {
      const element = screen.getByRole('listitem', { name: 'notification-chime.wav' }).querySelector('audio');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(audio.getAttribute('src')).toMatch(/^blob:test\//);
    expect(audio.hasAttribute('controls')).toBe(true);
    const video = await waitFor(() => {
      const element = screen.getByRole('listitem', { name: 'product-demo.mp4' }).querySelector('video');
      expect(element).not.toBeNull();
      return element!;
    });
    expect(video.getAttribute('src')).toMatch(/^blob:test\//);
  });

  it('completes an attachment the message listed with its id only, from get_attachment', async () => {
    const chart = seeded('q3-revenue-chart.png');
    const zip = seeded('release-kit.zip');
    renderList(chart.messageId, [{ id: chart.attachment.id }]);
    renderList(zip.messageId, [{ id: zip.attachment.id, file_name: null, file_size: null, file_type: null }]);
    // The real name and size replace the placeholder, and the image proves itself and gets its thumbnail.
    const card = await screen.findByRole('listitem', { name: 'q3-revenue-chart.png' });
    expect(within(card).getByText(formatSize(chart.attachment.file_size!))).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('img', { name: 'q3-revenue-chart.png' })).toBeInTheDocument());
    const file = await screen.findByRole('listitem', { name: 'release-kit.zip' });
    expect(within(file).getByRole('button', { name: 'Download release-kit.zip' })).toBeInTheDocument();
    expect(screen.queryByRole('listitem', { name: 'Untitled file' })).not.toBeInTheDocument();
  });

  it('hands a proven PDF to a frame sandboxed to an opaque origin, and shows its page count once drawn', async () => {
    const pdf = seeded('q3-roadmap.pdf');
    renderList(pdf.messageId, [pdf.attachment]);
    const frame = (await screen.findByTitle('First page of q3-roadmap.pdf')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('src')).toBe('/pdf-preview.html');
    expect(screen.getByTestId('pdf-preview')).toHaveAttribute('aria-busy', 'true');

    const received: unknown[] = [];
    frame.contentWindow!.addEventListener('message', (event) => received.push(event.data));
    const fromFrame = (data: unknown, source: Window | null = frame.contentWindow) =>
      act(() => window.dispatchEvent(new MessageEvent('message', { data, source })));

    // Only the frame itself is listened to.
    await fromFrame({ type: 'ready' }, window);
    await fromFrame({ type: 'rendered', pages: 9 }, window);
    expect(received).toEqual([]);
    expect(screen.getByTestId('pdf-preview')).toHaveAttribute('aria-busy', 'true');

    await fromFrame({ type: 'ready' });
    await waitFor(() => expect(received).toHaveLength(1));
    const sent = received[0] as { type: string; bytes: ArrayBuffer; pages: string };
    expect(sent.type).toBe('render-pdf');
    expect(sent.pages).toBe('first');
    expect(new TextDecoder().decode(sent.bytes.slice(0, 5))).toBe('%PDF-');

    await fromFrame({ type: 'rendered', pages: 2 });
    expect(screen.getByTestId('pdf-preview')).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByTestId('pdf-preview')).toHaveTextContent('PDF · 2 pages');

    // Opening it shows every page in a viewer, through a frame of its own; Escape there closes it.
    await userEvent.click(screen.getByRole('button', { name: 'Open q3-roadmap.pdf' }));
    const viewer = await screen.findByRole('dialog', { name: 'q3-roadmap.pdf' });
    const pages = within(viewer).getByTitle('Pages of q3-roadmap.pdf') as HTMLIFrameElement;
    expect(pages.getAttribute('sandbox')).toBe('allow-scripts');
    const toViewer: unknown[] = [];
    pages.contentWindow!.addEventListener('message', (event) => toViewer.push(event.data));
    const fromViewer = (data: unknown) =>
      act(() => window.dispatchEvent(new MessageEvent('message', { data, source: pages.contentWindow })));
    await fromViewer({ type: 'ready' });
    await waitFor(() => expect(toViewer).toHaveLength(1));
    expect((toViewer[0] as { pages: string }).pages).toBe('all');
    await fromViewer({ type: 'rendered', pages: 2 });
    expect(within(viewer).getByTestId('pdf-viewer-pages')).toHaveTextContent('2 pages');
    expect(within(viewer).getByRole('button', { name: 'Download q3-roadmap.pdf' })).toBeInTheDocument();
    await fromViewer({ type: 'close' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('falls back to the file card when the frame cannot draw the PDF', async () => {
    const pdf = seeded('q3-roadmap.pdf');
    renderList(pdf.messageId, [pdf.attachment]);
    const frame = (await screen.findByTitle('First page of q3-roadmap.pdf')) as HTMLIFrameElement;
    await act(() =>
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'failed' }, source: frame.contentWindow })),
    );
    expect(screen.queryByTestId('pdf-preview')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download q3-roadmap.pdf' })).toBeInTheDocument();
  });

  it('shows the beginning of a text file as text, a CSV as a table of text cells, and a disguised HTML file as a card', async () => {
    const text = seeded('meeting-notes.txt');
    const csv = seeded('launch-plan.csv');
    const html = seeded('xss-test.html');
    renderList(text.messageId, [text.attachment]);
    renderList(csv.messageId, [csv.attachment]);
    renderList(html.messageId, [{ ...html.attachment, file_name: 'notes.txt', file_type: 'text/plain' }]);
    const pre = await screen.findByTestId('text-preview');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent!.length).toBeGreaterThan(0);
    expect(pre.children).toHaveLength(0);
    const table = await screen.findByRole('region', { name: 'First rows of launch-plan.csv' });
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent('task_id');
    for (const cell of within(table).getAllByRole('cell')) expect(cell.children).toHaveLength(0);
    const disguised = screen.getByRole('listitem', { name: 'notes.txt' });
    await waitFor(() => expect(disguised.querySelector('[aria-busy]')).toBeNull());
    expect(disguised.querySelector('pre, iframe, script')).toBeNull();
  });

  it('opens a thumbnail in a lightbox that walks the message images with the arrows, end to end', async () => {
    const message = withAttachments.find(
      (m) => m.attachments!.length >= 3 && m.attachments!.every((a) => a.file_type?.startsWith('image/')),
    )!;
    expect(message, 'a message carries three images').toBeTruthy();
    const attachments = message.attachments!;
    renderList(message.id!, attachments);
    const name = attachments[0]!.file_name!;
    const opener = await screen.findByRole('button', { name: `Open ${name}` });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name });
    expect(within(dialog).getByTestId('lightbox-counter')).toHaveTextContent(`1 of ${attachments.length}`);
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(within(dialog).getByTestId('lightbox-counter')).toHaveTextContent('2 of'));
    // The walk stops at either end rather than wrapping around.
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    await waitFor(() => expect(within(dialog).getByTestId('lightbox-counter')).toHaveTextContent('1 of'));
    expect(within(dialog).getByRole('button', { name: 'Previous image' })).toBeDisabled();
    for (let step = 1; step < attachments.length; step++) await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() =>
      expect(within(dialog).getByTestId('lightbox-counter')).toHaveTextContent(
        `${attachments.length} of ${attachments.length}`,
      ),
    );
    expect(within(dialog).getByRole('button', { name: 'Next image' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Zoom in' }));
    expect(within(dialog).getByRole('button', { name: 'Zoom out' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
