import { Hono } from 'hono';
import { parseDownloadQuery, parseListQuery, parseRecordQuery } from '../../../contract/query';
import { decodeCursor, encodeCursor } from '../cursor';
import { listBody, must, query, recordBody, type SandboxEnv } from '../http';
import { notFound, Problem } from '../problem';
import { toAttachment } from '../store/attachments';
import type { Store } from '../store/store';
import { downloadResponse } from './download';

export function attachmentRoutes(store: Store) {
  const app = new Hono<SandboxEnv>();

  const messageSeq = (accountId: string, id: string) => {
    const seq = store.messages.seqOf(accountId, id);
    if (seq === undefined) throw notFound('Message', id);
    return seq;
  };

  app.get('/:id/attachments', (c) => {
    const q = must(parseListQuery(query(c)));
    const seq = messageSeq(c.get('account').id, c.req.param('id'));
    let after = 0;
    if (q.next) {
      const key = decodeCursor('attachments', q.next, ['n']);
      if (!key) throw new Problem(400, 'next is not a cursor of this list');
      after = key[0] as number;
    }
    // Attachments never change after sending, so updated_after keeps them only when the message is newer.
    const message = q.updatedAfter ? store.messages.get(c.get('account').id, c.req.param('id')) : undefined;
    const rows =
      message && message.updated_at <= q.updatedAfter! ? [] : store.attachments.list(seq, q.pageSize + 1, after);
    const page = rows.slice(0, q.pageSize);
    const last = page.at(-1);
    const next = rows.length > q.pageSize && last ? encodeCursor('attachments', [last.pk]) : null;
    return c.json(listBody(c, page.map(toAttachment), next, q));
  });

  app.get('/:id/attachments/:attachmentId', (c) => {
    const q = must(parseRecordQuery(query(c)));
    const seq = messageSeq(c.get('account').id, c.req.param('id'));
    const row = store.attachments.get(seq, c.req.param('attachmentId'));
    if (!row) throw notFound('Attachment', c.req.param('attachmentId'));
    return c.json(recordBody(c, toAttachment(row), q));
  });

  app.get('/:id/attachments/:attachmentId/download', (c) => {
    const q = must(parseDownloadQuery(query(c)));
    const seq = messageSeq(c.get('account').id, c.req.param('id'));
    const row = store.attachments.get(seq, c.req.param('attachmentId'));
    if (!row) throw notFound('Attachment', c.req.param('attachmentId'));
    return downloadResponse(store, row, q);
  });

  return app;
}
