import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { paginated, result } from '../../../contract/envelopes';
import { AttachmentSchema } from '../../../contract/models';
import { createTestServer } from '../../testing';
import { sampleFiles } from '../seed/sample-files';
import { contentDisposition } from '../../edge/file-headers';

const server = createTestServer();
afterAll(() => server.close());

const withFiles = server.db
  .prepare(
    `SELECT m.account_id, m.id AS message_id, a.id AS attachment_id, a.file_name, a.file_type
     FROM attachments a JOIN messages m ON m.seq = a.message_seq ORDER BY a.pk`,
  )
  .all() as { account_id: string; message_id: string; attachment_id: string; file_name: string; file_type: string }[];

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachments', () => {
  it('seeds attachments of every sample type', () => {
    const types = new Set(withFiles.map((f) => f.file_type));
    for (const file of sampleFiles()) expect(types.has(file.type), file.type).toBe(true);
  });

  it('lists and gets a message’s attachments', async () => {
    const file = withFiles[0]!;
    const list = await server.json(`/unified/messaging/messages/${file.message_id}/attachments`, {
      account: file.account_id,
    });
    const page = paginated(AttachmentSchema).parse(list.body);
    expect(page.data!.map((a) => a.id)).toContain(file.attachment_id);
    expect(page.next).toBeNull();
    const one = await server.json(`/unified/messaging/messages/${file.message_id}/attachments/${file.attachment_id}`, {
      account: file.account_id,
    });
    expect(result(AttachmentSchema).parse(one.body).data).toMatchObject({
      file_name: file.file_name,
      file_type: file.file_type,
    });
    expect(one.body.data.file_size).toBeGreaterThan(0);
  });

  it('downloads every sample file byte for byte with safe headers', async () => {
    const samples = new Map(sampleFiles().map((f) => [f.name, f]));
    for (const file of withFiles) {
      const sample = samples.get(file.file_name);
      if (!sample) continue;
      const res = await server.sandbox(
        `/unified/messaging/messages/${file.message_id}/attachments/${file.attachment_id}/download`,
        { account: file.account_id },
      );
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(sha(bytes), file.file_name).toBe(sha(sample.bytes));
      expect(res.headers.get('content-type')).toBe(file.file_type);
      expect(res.headers.get('content-length')).toBe(String(sample.bytes.length));
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
  });

  it('answers format=base64 with the base64 text of the file', async () => {
    const file = withFiles[0]!;
    const sample = sampleFiles().find((f) => f.name === file.file_name)!;
    const res = await server.sandbox(
      `/unified/messaging/messages/${file.message_id}/attachments/${file.attachment_id}/download?format=base64`,
      { account: file.account_id },
    );
    expect(await res.text()).toBe(sample.bytes.toString('base64'));
    const bad = await server.json(
      `/unified/messaging/messages/${file.message_id}/attachments/${file.attachment_id}/download?format=hex`,
      {
        account: file.account_id,
      },
    );
    expect(bad.status).toBe(400);
  });

  it('answers 404 for an attachment of another message or account', async () => {
    const [a, b] = withFiles.filter((f) => f.account_id === withFiles[0]!.account_id);
    const res = await server.json(`/unified/messaging/messages/${b!.message_id}/attachments/${a!.attachment_id}`, {
      account: a!.account_id,
    });
    expect(res.status).toBe(404);
    const other = server.accounts.find((acc) => acc.id !== a!.account_id)!;
    const cross = await server.json(
      `/unified/messaging/messages/${a!.message_id}/attachments/${a!.attachment_id}/download`,
      {
        account: other.id,
      },
    );
    expect(cross.status).toBe(404);
  });
});

describe('content disposition', () => {
  it('keeps an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Résumé "final"; v2.pdf')).toBe(
      `attachment; filename="R_sum_ _final__ v2.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%3B%20v2.pdf`,
    );
    const fallback = /filename="([^"]*)"/.exec(contentDisposition('attachment', '../../etc/passwd'))![1]!;
    expect(fallback).not.toContain('/');
    expect(fallback.startsWith('.')).toBe(false);
  });
});
