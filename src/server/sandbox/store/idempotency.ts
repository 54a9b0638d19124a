import type { Db } from './db';

export interface StoredResult {
  fingerprint: string;
  status: number;
  body: string;
}

/** Results of POSTs sent with an Idempotency-Key, so that a replay answers the same and creates nothing. */
export function createIdempotencyStore(db: Db) {
  const find = db.prepare<[string, string, string], StoredResult>(
    'SELECT fingerprint, status, body FROM idempotency WHERE account_id = ? AND operation = ? AND key = ?',
  );
  const save = db.prepare<[string, string, string, string, number, string, string]>(
    `INSERT INTO idempotency (account_id, operation, key, fingerprint, status, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    find: (accountId: string, operation: string, key: string) => find.get(accountId, operation, key),
    save: (accountId: string, operation: string, key: string, result: StoredResult) =>
      save.run(accountId, operation, key, result.fingerprint, result.status, result.body, new Date().toISOString()),
  };
}
