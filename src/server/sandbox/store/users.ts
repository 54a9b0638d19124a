import type { Author, User } from '../../../contract/models';
import type { Db } from './db';

export interface UserRow {
  pk: number;
  account_id: string;
  id: string;
  remote_id: string | null;
  email: string | null;
  username: string | null;
  name: string;
  first_name: string | null;
  last_name: string | null;
  bot: number;
  active: number;
  phone_number: string | null;
  external_reference: string | null;
  created_at: string;
  updated_at: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    remote_id: row.remote_id,
    email: row.email,
    username: row.username,
    name: row.name,
    first_name: row.first_name,
    last_name: row.last_name,
    bot: row.bot === 1,
    active: row.active === 1,
  };
}

export function toAuthor(row: UserRow): Author {
  return {
    id: row.id,
    remote_id: row.remote_id,
    name: row.name,
    email: row.email,
    phone_number: row.phone_number,
    active: row.active === 1,
    external_reference: row.external_reference,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function createUserStore(db: Db) {
  const listFirst = db.prepare<[string, string, number], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND updated_at > ? ORDER BY name, pk LIMIT ?',
  );
  const listAfter = db.prepare<[string, string, string, number, number], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND updated_at > ? AND (name, pk) > (?, ?) ORDER BY name, pk LIMIT ?',
  );
  const byId = db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE account_id = ? AND id = ?');
  const byPk = db.prepare<[number], UserRow>('SELECT * FROM users WHERE pk = ?');
  const byEmail = db.prepare<[string, string], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND email = ? COLLATE NOCASE LIMIT 1',
  );
  const byPhone = db.prepare<[string, string], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND phone_number = ? LIMIT 1',
  );

  // Users never change while the sandbox serves (no operation writes them), so message authors are cached.
  const cache = new Map<number, UserRow>();
  function getByPkCached(pk: number): UserRow | undefined {
    let row = cache.get(pk);
    if (row === undefined) {
      row = byPk.get(pk);
      if (row === undefined) return undefined;
      if (cache.size >= 10_000) cache.clear();
      cache.set(pk, row);
    }
    return row;
  }

  return {
    /** Users by name; `after` is the (name, pk) of the last row of the previous page. */
    list(accountId: string, limit: number, after: [string, number] | null, updatedAfter: string | null): UserRow[] {
      const since = updatedAfter ?? '';
      return after
        ? listAfter.all(accountId, since, after[0], after[1], limit)
        : listFirst.all(accountId, since, limit);
    },
    get: (accountId: string, id: string) => byId.get(accountId, id),
    getByPk: getByPkCached,
    findByEmail: (accountId: string, email: string) => byEmail.get(accountId, email),
    findByPhone: (accountId: string, phone: string) => byPhone.get(accountId, phone),
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
