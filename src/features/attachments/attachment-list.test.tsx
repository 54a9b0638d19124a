// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountQueries } from '../../api/accounts';
import type { LinkedAccount } from '../../contract/accounts';
import type { Attachment, Message } from '../../contract/models';
import { AccountContext } from '../../lib/account-context';
import { installInProcessServer } from '../../test/in-process-fetch';
import { AttachmentList } from './attachment-list';

let server: ReturnType<typeof installInProcessServer>;
let account: LinkedAccount;
/** The seeded attachments of the busiest conversation, by file name, with their message. */
const byName = new Map<string, { messageId: string; attachment: Attachment }>();
const created: string[] = [];
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
    await userEvent.click(screen.getByRole('button', { name: 'Download gone.pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Download failed: \S/);
    expect(screen.getByRole('button', { name: 'Retry download of gone.pdf' })).toBeInTheDocument();
  });
});
