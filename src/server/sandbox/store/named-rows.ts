import type { Db } from './db';

/** A read statement's `get` and `all`, with rows as objects keyed by column name. */
export interface RowStatement<P extends unknown[], Row> {
  get(...params: P): Row | undefined;
  all(...params: P): Row[];
}

/**
 * Prepares a read whose rows are fetched as arrays and named here. better-sqlite3 builds a row object one
 * property at a time through the V8 API, which on a page of messages costs about as much as reading the rows;
 * filling the object in JavaScript, in the same column order every time, costs a fraction of that.
 */
export function prepareRows<P extends unknown[], Row>(db: Db, sql: string): RowStatement<P, Row> {
  const statement = db.prepare<P, unknown[]>(sql).raw(true);
  const names = statement.columns().map((column) => column.name);
  const name = (values: unknown[]): Row => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row as Row;
  };
  return {
    get(...params) {
      const values = statement.get(...params);
      return values === undefined ? undefined : name(values);
    },
    all: (...params) => statement.all(...params).map(name),
  };
}
