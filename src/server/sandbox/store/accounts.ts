import type { LinkedAccount } from '../../../contract/accounts';
import type { Db } from './db';

export interface AccountRow {
  id: string;
  provider: string;
  provider_name: string | null;
  origin_owner_id: string;
  origin_owner_name: string;
  origin_username: string | null;
  label: string | null;
  owner_user_id: string | null;
  status: 'active' | 'inactive' | 'error';
  type: 'production' | 'test';
  created_at: string;
  updated_at: string;
}

export function toLinkedAccount(row: AccountRow): LinkedAccount {
  return {
    id: row.id,
    provider: row.provider,
    provider_name: row.provider_name,
    origin_owner_id: row.origin_owner_id,
    origin_owner_name: row.origin_owner_name,
    origin_username: row.origin_username,
    label: row.label,
    status: row.status,
    type: row.type,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function createAccountStore(db: Db) {
  const all = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY created_at, id');
  const byId = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  // Linked accounts never change while the sandbox serves, and every request looks one up.
  const cache = new Map<string, AccountRow>();
  return {
    list: () => all.all(),
    get(id: string): AccountRow | undefined {
      let row = cache.get(id);
      if (row === undefined) {
        row = byId.get(id);
        if (row !== undefined && cache.size < 1_000) cache.set(id, row);
      }
      return row;
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
