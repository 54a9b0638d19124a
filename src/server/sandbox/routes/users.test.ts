import { afterAll, describe, expect, it } from 'vitest';
import { paginated } from '../../../contract/envelopes';
import { UserSchema } from '../../../contract/models';
import { createTestServer } from '../../testing';

const server = createTestServer();
afterAll(() => server.close());

describe('users', () => {
  it('lists every user once, ordered by name', async () => {
    const names: string[] = [];
    const ids = new Set<string>();
    let next: string | null | undefined = null;
    do {
      const res = await server.json(`/unified/messaging/users?page_size=9${next ? `&next=${next}` : ''}`);
      const page = paginated(UserSchema).parse(res.body);
      for (const user of page.data!) {
        names.push(user.name!);
        ids.add(user.id!);
      }
      next = page.next;
    } while (next);
    expect(ids.size).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const total = server.db
      .prepare('SELECT count(*) AS n FROM users WHERE account_id = ?')
      .get(server.accounts[0]!.id) as { n: number };
    expect(names.length).toBe(total.n);
  });

  it('has bots and inactive users with every field', async () => {
    const res = await server.json('/unified/messaging/users?page_size=100');
    const users = res.body.data as Record<string, unknown>[];
    expect(users.some((u) => u.bot === true)).toBe(true);
    expect(users.some((u) => u.active === false)).toBe(true);
    for (const key of ['id', 'remote_id', 'email', 'username', 'name', 'bot', 'active']) {
      expect(
        users.every((u) => u[key] !== undefined),
        key,
      ).toBe(true);
    }
  });

  it('gets one user and answers 404 for another account’s user', async () => {
    const list = await server.json('/unified/messaging/users?page_size=1');
    const id = list.body.data[0].id;
    expect((await server.json(`/unified/messaging/users/${id}`)).body.data.id).toBe(id);
    expect((await server.json(`/unified/messaging/users/${id}`, { account: server.accounts[1]!.id })).status).toBe(404);
  });
});
