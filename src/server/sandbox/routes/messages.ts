import { Hono } from 'hono';
import { type ListQuery, parseRecordQuery } from '../../../contract/query';
import { SendMessageBodySchema } from '../../../contract/requests';
import { sendMessage } from '../actions/send-message';
import { decodeCursor, encodeCursor } from '../cursor';
import { must, query, readBody, recordBody, type SandboxEnv } from '../http';
import { withIdempotency } from '../idempotent';
import { notFound, Problem } from '../problem';
import { type MessageRow, toMessage } from '../store/messages';
import type { Store } from '../store/store';

/** One page of a conversation's messages, newest first, with their authors and attachments. */
export function messagesPage(store: Store, conversationPk: number, q: ListQuery) {
  let rows: MessageRow[];
  if (q.updatedAfter === null) {
    let before = Number.MAX_SAFE_INTEGER;
    if (q.next) {
      const key = decodeCursor('messages', q.next, ['n']);
      if (!key) throw new Problem(400, 'next is not a cursor of this list');
      before = key[0] as number;
    }
    rows = store.messages.list(conversationPk, q.pageSize + 1, before);
  } else {
    let before: [string, number] = ['9999', Number.MAX_SAFE_INTEGER];
    if (q.next) {
      const key = decodeCursor('messages-changed', q.next, ['s', 'n']);
      if (!key) throw new Problem(400, 'next is not a cursor of this list');
      before = [key[0] as string, key[1] as number];
    }
    rows = store.messages.listChanged(conversationPk, q.pageSize + 1, q.updatedAfter, before);
  }
  const page = rows.slice(0, q.pageSize);
  const attachments = store.attachments.forMessages(page.filter((m) => m.has_attachments).map((m) => m.seq));
  const last = page.at(-1);
  let next: string | null = null;
  if (rows.length > q.pageSize && last) {
    next =
      q.updatedAfter === null
        ? encodeCursor('messages', [last.seq])
        : encodeCursor('messages-changed', [last.updated_at, last.seq]);
  }
  return {
    records: page.map((row) => toMessage(row, authorOf(store, row), attachments.get(row.seq))),
    next,
  };
}

const authorOf = (store: Store, row: MessageRow) =>
  row.author_pk === null ? undefined : store.users.authorByPk(row.author_pk);

export function messageRoutes(store: Store) {
  const app = new Hono<SandboxEnv>();

  app.post('/', async (c) => {
    const body = await readBody(c, SendMessageBodySchema);
    const account = c.get('account');
    const result = withIdempotency(store, c, 'send_message', body, () => sendMessage(store, account, body));
    return c.json(result.body, result.status as 201);
  });

  app.get('/:id', (c) => {
    const q = must(parseRecordQuery(query(c)));
    const row = store.messages.get(c.get('account').id, c.req.param('id'));
    if (!row) throw notFound('Message', c.req.param('id'));
    const attachments = row.has_attachments ? store.attachments.forMessages([row.seq]).get(row.seq) : [];
    return c.json(recordBody(c, toMessage(row, authorOf(store, row), attachments), q));
  });

  return app;
}
