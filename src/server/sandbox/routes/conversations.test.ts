import { afterAll, describe, expect, it } from 'vitest';
import { CreateResultSchema, paginated } from '../../../contract/envelopes';
import { ConversationSchema } from '../../../contract/models';
import { createTestServer } from '../../testing';

const server = createTestServer();
afterAll(() => server.close());
const Page = paginated(ConversationSchema);
const base = '/unified/messaging/conversations';

async function walk(path: string, pageSize: number, between?: () => Promise<void>) {
  const ids: string[] = [];
  let next: string | null | undefined = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await server.json(
      `${path}${sep}page_size=${pageSize}${next ? `&next=${encodeURIComponent(next)}` : ''}`,
    );
    expect(res.status).toBe(200);
    const page = Page.parse(res.body);
    ids.push(...page.data!.map((c) => c.id!));
    next = page.next;
    pages += 1;
    await between?.();
  } while (next);
  return { ids, pages };
}

describe('list conversations', () => {
  it('returns 25 by default, newest activity first, with a next cursor', async () => {
    const res = await server.json(base);
    const page = Page.parse(res.body);
    expect(page.data).toHaveLength(25);
    expect(typeof page.next).toBe('string');
    const times = page.data!.map((c) => Date.parse(c.last_message_at!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('walks every conversation exactly once and ends with next: null', async () => {
    const { ids, pages } = await walk(base, 7);
    expect(new Set(ids).size).toBe(ids.length);
    const total = server.db
      .prepare('SELECT count(*) AS n FROM conversations WHERE account_id = ?')
      .get(server.accounts[0]!.id) as { n: number };
    expect(ids.length).toBe(total.n);
    expect(pages).toBe(Math.ceil(total.n / 7));
  });

  it('keeps every conversation exactly once while messages are being sent mid-walk', async () => {
    const before = await walk(base, 5);
    const during = await walk(base, 5, async () => {
      // Bump the oldest conversation not seen yet, which would move it to the top of the list.
      const target = before.ids.at(-1)!;
      await server.json('/unified/messaging/messages', {
        method: 'POST',
        body: JSON.stringify({ recipient: target, content: 'bump' }),
      });
    });
    expect(during.ids.sort()).toEqual(before.ids.sort());
  });

  it('validates page_size', async () => {
    for (const bad of ['0', '101', '-1', 'ten', '2.5']) {
      const res = await server.json(`${base}?page_size=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.statusCode).toBe(400);
    }
    const res = await server.json(`${base}?page_size=100`);
    expect(res.status).toBe(200);
  });

  it('rejects a cursor that is not one of this list', async () => {
    expect((await server.json(`${base}?next=garbage!`)).status).toBe(400);
    const users = await server.json('/unified/messaging/users?page_size=1');
    expect((await server.json(`${base}?next=${users.body.next}`)).status).toBe(400);
  });

  it('returns only the requested fields', async () => {
    const res = await server.json(`${base}?fields=id,name`);
    for (const record of res.body.data) expect(Object.keys(record).sort()).toEqual(['id', 'name']);
  });

  it('adds raw provider records with raw=true and rejects other values', async () => {
    const res = await server.json(`${base}?raw=true&page_size=2`);
    expect(res.body.raw[0]).toMatchObject({ method: 'GET' });
    expect(typeof res.body.raw[0].url).toBe('string');
    expect((await server.json(`${base}?raw=maybe`)).status).toBe(400);
  });

  it('filters by filter[updated_after] and the deprecated updated_after alias', async () => {
    const all = await walk(base, 100);
    const cutoff = '2026-11-19T00:00:00.000Z';
    for (const param of ['filter[updated_after]', 'updated_after']) {
      const res = await server.json(`${base}?${encodeURIComponent(param)}=${cutoff}&page_size=100`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.length).toBeLessThan(all.ids.length);
      for (const c of res.body.data) expect(c.last_message_at > cutoff).toBe(true);
    }
    expect((await server.json(`${base}?filter[updated_after]=yesterday`)).status).toBe(400);
  });

  it('accepts and ignores proxy[...] parameters', async () => {
    const res = await server.json(`${base}?proxy[sort]=name&proxy[filter[eq][x]]=1`);
    expect(res.status).toBe(200);
  });
});

describe('get conversation', () => {
  it('returns the record in a data envelope', async () => {
    const list = await server.json(`${base}?page_size=1`);
    const id = list.body.data[0].id;
    const res = await server.json(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(ConversationSchema.parse(res.body.data).id).toBe(id);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await server.json(`${base}/nope`)).status).toBe(404);
  });
});

describe('create conversation', () => {
  const users = () =>
    server.store.users.list(server.accounts[0]!.id, 100, null, null).filter((u) => u.active && !u.bot);

  it('creates a private group and answers 201 with CreateResult', async () => {
    const [a, b, c] = users().slice(3, 6);
    const res = await server.json(base, {
      method: 'POST',
      body: JSON.stringify({ name: 'launch-plan', participants: [a!.id, b!.id, c!.id], private: 'true' }),
    });
    expect(res.status).toBe(201);
    const created = CreateResultSchema.parse(res.body);
    const got = await server.json(`${base}/${created.data.id}`);
    expect(got.body.data).toMatchObject({ name: 'launch-plan', private: true });
    expect(got.body.data.participants).toEqual(expect.arrayContaining([a!.id, b!.id, c!.id]));
  });

  it('names unknown participants in a 422', async () => {
    const res = await server.json(base, {
      method: 'POST',
      body: JSON.stringify({ name: 'x-team', participants: ['ghost-1', users()[0]!.id, 'ghost-2'] }),
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('ghost-1');
    expect(res.body.message).toContain('ghost-2');
  });

  it('answers 409 for a name that exists and 400 for a mistyped body', async () => {
    const res = await server.json(base, {
      method: 'POST',
      body: JSON.stringify({ name: 'launch-plan', participants: [users()[0]!.id] }),
    });
    expect(res.status).toBe(409);
    const bad = await server.json(base, { method: 'POST', body: JSON.stringify({ participants: 'everyone' }) });
    expect(bad.status).toBe(400);
    const malformed = await server.json(base, { method: 'POST', body: '{"name": ' });
    expect(malformed.status).toBe(400);
  });

  it('replays an Idempotency-Key without creating twice', async () => {
    const body = JSON.stringify({ name: 'idempotent-room', participants: [users()[1]!.id] });
    const headers = { 'idempotency-key': 'create-1' };
    const first = await server.json(base, { method: 'POST', body, headers });
    const second = await server.json(base, { method: 'POST', body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data.id).toBe(first.body.data.id);
    const other = await server.json(base, { method: 'POST', body: JSON.stringify({ name: 'other' }), headers });
    expect(other.status).toBe(422);
  });
});
