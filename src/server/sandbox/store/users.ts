import type { Author, User } from '../../../contract/models';
import type { Db } from './db';
import { prepareRows } from './named-rows';

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

/** A user as a list answers it, with its place in the list (name, pk). */
export type ListedUser = Pick<
  UserRow,
  'pk' | 'id' | 'remote_id' | 'email' | 'username' | 'name' | 'first_name' | 'last_name' | 'bot' | 'active'
>;
const LISTED = 'pk, id, remote_id, email, username, name, first_name, last_name, bot, active';

export function toUser(row: ListedUser): User {
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
  const listFirst = prepareRows<[string, string, number], ListedUser>(
    db,
    `SELECT ${LISTED} FROM users WHERE account_id = ? AND updated_at > ? ORDER BY name, pk LIMIT ?`,
  );
  const listAfter = prepareRows<[string, string, string, number, number], ListedUser>(
    db,
    `SELECT ${LISTED} FROM users WHERE account_id = ? AND updated_at > ? AND (name, pk) > (?, ?)
     ORDER BY name, pk LIMIT ?`,
  );
  const byId = db.prepare<[string, string], UserRow>('SELECT * FROM users WHERE account_id = ? AND id = ?');
  const byPk = db.prepare<[number], UserRow>('SELECT * FROM users WHERE pk = ?');
  const byEmail = db.prepare<[string, string], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND email = ? COLLATE NOCASE LIMIT 1',
  );
  const byPhone = db.prepare<[string, string], UserRow>(
    'SELECT * FROM users WHERE account_id = ? AND phone_number = ? LIMIT 1',
  );

  // Users never change while the sandbox serves (no operation writes them), so message authors are cached, ready
  // to answer with: a page of 25 messages names a handful of people.
  const authors = new Map<number, Readonly<Author>>();
  function authorByPk(pk: number): Readonly<Author> | undefined {
    let author = authors.get(pk);
    if (author === undefined) {
      const row = byPk.get(pk);
      if (row === undefined) return undefined;
      if (authors.size >= 10_000) authors.clear();
      author = Object.freeze(toAuthor(row));
      authors.set(pk, author);
    }
    return author;
  }

  return {
    /** Users by name; `after` is the (name, pk) of the last row of the previous page. */
    list(accountId: string, limit: number, after: [string, number] | null, updatedAfter: string | null): ListedUser[] {
      const since = updatedAfter ?? '';
      return after
        ? listAfter.all(accountId, since, after[0], after[1], limit)
        : listFirst.all(accountId, since, limit);
    },
    get: (accountId: string, id: string) => byId.get(accountId, id),
    authorByPk,
    findByEmail: (accountId: string, email: string) => byEmail.get(accountId, email),
    findByPhone: (accountId: string, phone: string) => byPhone.get(accountId, phone),
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
