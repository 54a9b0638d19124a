import { Hono } from 'hono';
import { parseListQuery, parseRecordQuery } from '../../../contract/query';
import { decodeCursor, encodeCursor } from '../cursor';
import { listBody, must, query, recordBody, type SandboxEnv } from '../http';
import { notFound, Problem } from '../problem';
import type { Store } from '../store/store';
import { toUser } from '../store/users';

export function userRoutes(store: Store) {
  const app = new Hono<SandboxEnv>();

  app.get('/', (c) => {
    const q = must(parseListQuery(query(c)));
    let after: [string, number] | null = null;
    if (q.next) {
      const key = decodeCursor('users', q.next, ['s', 'n']);
      if (!key) throw new Problem(400, 'next is not a cursor of this list');
      after = [key[0] as string, key[1] as number];
    }
    const rows = store.users.list(c.get('account').id, q.pageSize + 1, after, q.updatedAfter);
    const page = rows.slice(0, q.pageSize);
    const last = page.at(-1);
    const next = rows.length > q.pageSize && last ? encodeCursor('users', [last.name, last.pk]) : null;
    return c.json(listBody(c, page.map(toUser), next, q));
  });

  app.get('/:id', (c) => {
    const q = must(parseRecordQuery(query(c)));
    const row = store.users.get(c.get('account').id, c.req.param('id'));
    if (!row) throw notFound('User', c.req.param('id'));
    return c.json(recordBody(c, toUser(row), q));
  });

  return app;
}
