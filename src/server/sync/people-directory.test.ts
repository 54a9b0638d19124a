import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis } from '../testing-redis';
import { createUpstream } from '../bff/upstream';
import { readConfig } from '../config';
import { createTestServer, TEST_KEY } from '../testing';
import { createPeopleDirectory } from './people-directory';
import { type PeopleShare, redisPeopleShare } from './people-share';
import { createRateBudget } from './rate-budget';
import { redisLeases } from './leases';

const server = createTestServer({ seed: { messages: 200 } });
afterAll(() => server.close());
const account = server.accounts[0]!.id;
const someone = server.store.users.list(account, 3, null, null);

/** A directory over the test server's sandbox, counting what it asks upstream. */
function counted(options: { refreshMs?: number; share?: PeopleShare } = {}) {
  const requests: string[] = [];
  const config = { ...readConfig({ LOG_LEVEL: 'silent' }), sandboxApiKey: TEST_KEY };
  const upstream = createUpstream(
    config,
    (request) => {
      const url = new URL(request.url);
      requests.push(url.pathname + url.search);
      return server.app.request(request.url.replace('http://sandbox.internal', ''), { headers: request.headers });
    },
    createRateBudget(0),
  );
  return { requests, directory: createPeopleDirectory({ upstream, ...options }) };
}

describe('GET /api/inbox/people', () => {
  it('looks people up by id, saying which ids the directory does not know', async () => {
    const ids = someone.map((row) => row.id);
    const answer = await server.apiJson(`/inbox/people?${ids.map((id) => `id=${id}`).join('&')}&id=nobody-here`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((user: { id: string }) => user.id)).toEqual(ids);
    expect(answer.body.data[0]).toMatchObject({ id: someone[0]!.id, name: someone[0]!.name, email: someone[0]!.email });
    expect(answer.body.missing).toEqual(['nobody-here']);
  });

  it('searches by name, username or email, best match first, and says the whole directory was searched', async () => {
    const target = someone[1]!;
    const byName = await server.apiJson(`/inbox/people?q=${encodeURIComponent(target.name)}&limit=5`);
    expect(byName.status).toBe(200);
    expect(byName.body.data[0]).toMatchObject({ id: target.id });
    expect(byName.body.complete).toBe(true);
    const byEmail = await server.apiJson(`/inbox/people?email=${encodeURIComponent(target.email!.toUpperCase())}`);
    expect(byEmail.body.data.map((user: { id: string }) => user.id)).toEqual([target.id]);
    const everyone = await server.apiJson('/inbox/people?q=&limit=2&offset=1');
    expect(everyone.body.data).toHaveLength(2);
    expect(everyone.body.total).toBeGreaterThan(3);
    const leftOut = await server.apiJson(`/inbox/people?q=${encodeURIComponent(target.name)}&exclude=${target.id}`);
    expect(leftOut.body.data.map((user: { id: string }) => user.id)).not.toContain(target.id);
  });

  it('answers a question it cannot take with a 400 in StackOne’s error shape', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `id=u${i}`).join('&');
    for (const query of ['', 'id=a&q=b', tooMany, 'q=a&limit=lots', 'q=a&limit=101', `q=${'x'.repeat(201)}`, 'id=']) {
      const answer = await server.apiJson(`/inbox/people?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body).toMatchObject({
        statusCode: 400,
        message: expect.any(String),
        timestamp: expect.any(String),
      });
    }
    expect((await server.apiJson('/inbox/people?q=a', { account: null })).status).toBe(400);
    expect((await server.apiJson('/inbox/people?q=a', { session: null })).status).toBe(401);
  });
});

describe('the people directory', () => {
  it('walks a directory of 50,000 once, then answers look-ups and searches without asking StackOne again', async () => {
    const big = server.accounts.at(-1)!.id;
    const before = server.store.users.list(big, 1_000, null, null).length;
    const insert = server.db.prepare(
      `INSERT INTO users (account_id, id, email, username, name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    server.db.transaction(() => {
      for (let i = 0; i < 50_000; i++) insert.run(big, `p${i}`, `person${i}@big.test`, `person.${i}`, `Person ${i}`);
      insert.run(big, 'zz', 'zelda@big.test', 'zelda', 'Zelda Fitzgerald');
    })();
    const { requests, directory } = counted();
    const found = await directory.search(big, 'fitzg', { limit: 10 });
    // Still walking after a moment: the answer says so, then the walk finishes by itself.
    for (let waited = 0; !directory.size(big).complete && waited < 400; waited++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(directory.size(big)).toEqual({ people: before + 50_001, complete: true });
    const walked = requests.length;
    expect(walked).toBe(Math.ceil((before + 50_001) / 100));
    expect(requests.every((path) => path.startsWith('/sandbox/unified/messaging/users?page_size=100'))).toBe(true);

    const search = await directory.search(big, 'fitzg', { limit: 10 });
    expect(search).toEqual({ data: [expect.objectContaining({ id: 'zz' })], total: 1, complete: true });
    expect(found.complete || found.data.length <= 1).toBe(true);
    const lookup = await directory.lookup(big, ['p49999', 'p7', 'zz']);
    expect(lookup.data.map((user) => user.name)).toEqual(['Person 49999', 'Person 7', 'Zelda Fitzgerald']);
    // "Person 4999", "Person 49990" to "49999", and the usernames "person.14999" to "person.44999".
    const many = await directory.search(big, 'person 4999', { limit: 3 });
    expect(many.total).toBe(15);
    expect(many.data[0]).toMatchObject({ id: 'p4999' });
    expect(requests.length).toBe(walked);
  });

  it('keeps itself fresh with filter[updated_after], reading only what changed', async () => {
    const { requests, directory } = counted({ refreshMs: 0 });
    const target = someone[2]!;
    await directory.lookup(account, [target.id]);
    while (!directory.size(account).complete) await new Promise((resolve) => setTimeout(resolve, 20));
    const walked = requests.length;
    server.db
      .prepare('UPDATE users SET name = ?, updated_at = ? WHERE account_id = ? AND id = ?')
      .run('Renamed Person', new Date().toISOString(), account, target.id);
    try {
      let found: string | undefined;
      for (let tries = 0; tries < 50 && found !== target.id; tries++) {
        found = (await directory.search(account, 'renamed person', { limit: 1 })).data[0]?.id ?? undefined;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(found).toBe(target.id);
      const refreshes = requests.slice(walked);
      expect(refreshes.length).toBeGreaterThan(0);
      expect(refreshes.every((path) => decodeURIComponent(path).includes('filter[updated_after]='))).toBe(true);
    } finally {
      server.db
        .prepare('UPDATE users SET name = ? WHERE account_id = ? AND id = ?')
        .run(target.name, account, target.id);
    }
  });

  it('asks StackOne once for someone it does not list, and remembers who does not exist', async () => {
    const { requests, directory } = counted();
    await directory.lookup(account, []);
    while (!directory.size(account).complete) await new Promise((resolve) => setTimeout(resolve, 20));
    const walked = requests.length;
    expect(await directory.lookup(account, ['no-such-person'])).toEqual({ data: [], missing: ['no-such-person'] });
    expect(await directory.lookup(account, ['no-such-person'])).toEqual({ data: [], missing: ['no-such-person'] });
    expect(requests.slice(walked)).toEqual(['/sandbox/unified/messaging/users/no-such-person']);
  });
});

describe('the people directory of several instances on one Redis', () => {
  it('is walked by one instance; the others answer from what it put in Redis, asking StackOne nothing', async () => {
    const redis = await startRedis();
    const clients = [new Redis(redis.url), new Redis(redis.url)];
    const leases = clients.map((client) => redisLeases(client));
    try {
      const [first, second] = clients.map((client, i) => counted({ share: redisPeopleShare(client, leases[i]!) }));
      const target = someone[1]!;
      const [a, b] = await Promise.all([
        first!.directory.search(account, target.name, { limit: 3 }),
        second!.directory.search(account, target.name, { limit: 3 }),
      ]);
      for (const answer of [a, b])
        expect(answer).toMatchObject({ complete: true, data: [expect.objectContaining({ id: target.id })] });
      const walks = [first!.requests.length, second!.requests.length];
      // One of them walked the whole directory; the other asked StackOne nothing.
      expect(walks.filter((count) => count === 0)).toHaveLength(1);
      expect(Math.max(...walks)).toBe(Math.ceil(server.store.users.list(account, 10_000, null, null).length / 100));
      const other = walks[0] === 0 ? first! : second!;
      expect((await other.directory.lookup(account, [target.id])).data).toEqual([
        expect.objectContaining({ id: target.id }),
      ]);
      expect(other.requests).toEqual([]);
    } finally {
      for (const lease of leases) await lease.close();
      for (const client of clients) client.disconnect();
      await redis.stop();
    }
  });
});
