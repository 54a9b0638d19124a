import { Hono } from 'hono';
import { parseListQuery, parseRecordQuery } from '../../../contract/query';
import { CreateConversationBodySchema } from '../../../contract/requests';
import { createConversation } from '../actions/create-conversation';
import { decodeCursor, encodeCursor } from '../cursor';
import { listBody, must, query, readBody, recordBody, type SandboxEnv } from '../http';
import { withIdempotency } from '../idempotent';
import { notFound, Problem } from '../problem';
import type { ConversationPosition } from '../store/conversations';
import { toConversation } from '../store/conversations';
import type { Store } from '../store/store';
import { messagesPage } from './messages';

export function conversationRoutes(store: Store) {
  const app = new Hono<SandboxEnv>();

  app.get('/', (c) => {
    const q = must(parseListQuery(query(c)));
    let from: ConversationPosition | null = null;
    if (q.next) {
      const key = decodeCursor('conversations', q.next, ['n', 'n', 'n', 'n']);
      if (!key) throw new Problem(400, 'next is not a cursor of this list');
      const [k, pk, snapshotSeq, snapshotPk] = key as number[];
      from = { key: k!, pk: pk!, snapshotSeq: snapshotSeq!, snapshotPk: snapshotPk! };
    }
    const { at, rows } = store.read(() => {
      const at = from ?? store.conversations.startPosition();
      return { at, rows: store.conversations.list(c.get('account').id, q.pageSize + 1, at, q.updatedAfter) };
    });
    const page = rows.slice(0, q.pageSize);
    const last = page.at(-1);
    const next =
      rows.length > q.pageSize && last
        ? encodeCursor('conversations', [last.key, last.row.pk, at.snapshotSeq, at.snapshotPk])
        : null;
    return c.json(
      listBody(
        c,
        page.map((entry) => toConversation(entry.row)),
        next,
        q,
      ),
    );
  });

  app.post('/', async (c) => {
    const body = await readBody(c, CreateConversationBodySchema);
    const account = c.get('account');
    const result = withIdempotency(store, c, 'create_conversation', body, () =>
      createConversation(store, account, body),
    );
    return c.json(result.body, result.status as 201);
  });

  app.get('/:id', (c) => {
    const q = must(parseRecordQuery(query(c)));
    const row = store.conversations.get(c.get('account').id, c.req.param('id'));
    if (!row) throw notFound('Conversation', c.req.param('id'));
    return c.json(recordBody(c, toConversation(row), q));
  });

  app.get('/:id/messages', (c) => {
    const q = must(parseListQuery(query(c)));
    const id = c.req.param('id');
    const { records, next } = store.read(() => {
      const pk = store.conversations.pkOf(c.get('account').id, id);
      if (pk === undefined) throw notFound('Conversation', id);
      return messagesPage(store, pk, q);
    });
    return c.json(listBody(c, records, next, q));
  });

  return app;
}
