import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { someAttachment } from '../bff/testing-bff';
import { createTestServer, TEST_KEY } from '../testing';
import { attachmentDisposition, contentDisposition, fileNameOf, safeMediaType, shortFileName } from './file-headers';

describe('file names in Content-Disposition', () => {
  it('cuts a long name to what browsers accept, keeping the extension', () => {
    const name = `${'ü'.repeat(40_000)}.pdf`;
    const short = shortFileName(name);
    expect([...short]).toHaveLength(180);
    expect(short.endsWith('….pdf')).toBe(true);
    expect(contentDisposition('attachment', name).length).toBeLessThan(2_000);
    expect(shortFileName('report.pdf')).toBe('report.pdf');
  });

  it('takes no control characters into a header', () => {
    const value = contentDisposition('attachment', 'a\r\nSet-Cookie: x=1\u0000.txt');
    expect(value).not.toMatch(/[\r\n\0]/);
    expect(fileNameOf(value)).toBe('aSet-Cookie: x=1.txt');
  });

  it('reads the name of an upstream header, exact name first, and always answers attachment', () => {
    expect(fileNameOf(`inline; filename="a.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`)).toBe('Résumé.pdf');
    expect(fileNameOf('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameOf("attachment; filename*=iso-8859-1''caf%E9.txt")).toBe('café.txt');
    expect(fileNameOf('inline')).toBeNull();
    expect(attachmentDisposition('inline')).toBe('attachment');
    expect(attachmentDisposition(`inline; filename*=UTF-8''${'x'.repeat(40_000)}.zip`)).toMatch(
      /^attachment; .*\.zip$/,
    );
  });

  it('keeps a media type only when it is one', () => {
    expect(safeMediaType('image/png')).toBe('image/png');
    expect(safeMediaType('text/plain; charset=utf-8')).toBe('text/plain; charset=utf-8');
    for (const bad of ['image/png\r\nX-Evil: 1', 'text/html\u0000', 'nonsense', '', 'a/b; c'])
      expect(safeMediaType(bad), bad).toBe('application/octet-stream');
  });
});

describe('hostile stored file details', () => {
  const server = createTestServer({ seed: { messages: 600 } });
  afterAll(() => server.close());

  it('a 40,000-character name and a media type with CR/LF still download, through the sandbox and the BFF', async () => {
    const file = someAttachment(server);
    server.db
      .prepare('UPDATE attachments SET file_name = ?, file_type = ? WHERE id = ?')
      .run(`${'long name '.repeat(4_000)}.docx`, 'text/plain\r\nSet-Cookie: evil=1', file.attachment);
    for (const response of [await server.sandbox(file.download), await server.api(file.download)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('set-cookie')).toBeNull();
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition.length).toBeLessThan(2_000);
      expect(fileNameOf(disposition)).toMatch(/^long name .*…\.docx$/);
      expect(Buffer.from(await response.arrayBuffer()).equals(file.bytes)).toBe(true);
    }
  });
});

describe('an upstream header larger than fetch accepts', () => {
  it('is a 502 that names the cause, not "could not reach"', async () => {
    const upstream = createServer((socket) => {
      socket.once('data', () => {
        socket.end(
          `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Huge: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
        );
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    const inbox = createTestServer({
      seed: { messages: 0 },
      config: { stackoneApiKey: TEST_KEY, stackoneBaseUrl: `http://127.0.0.1:${port}`, sandboxEnabled: false },
    });
    const answer = await inbox.apiJson('/unified/messaging/conversations', { account: 'any' });
    expect(answer.status).toBe(502);
    expect(answer.body.message).toMatch(/headers larger than/);
    inbox.close();
    await new Promise((resolve) => upstream.close(resolve));
  });
});
