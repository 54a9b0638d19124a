import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { prepareRows } from './named-rows';

describe('prepareRows', () => {
  const db = openDb(':memory:');
  db.exec(`CREATE TABLE t (pk INTEGER PRIMARY KEY, name TEXT, note TEXT);
           INSERT INTO t VALUES (1, 'a', NULL), (2, 'b', 'é ✓'), (3, 'c', '');`);

  it('answers the same rows as a plain statement, keys in column order', () => {
    const sql = 'SELECT * FROM t WHERE pk >= ? ORDER BY pk DESC';
    const named = prepareRows<[number], object>(db, sql).all(2);
    expect(named).toEqual(db.prepare(sql).all(2));
    expect(named.map((row) => Object.keys(row))).toEqual([
      ['pk', 'name', 'note'],
      ['pk', 'name', 'note'],
    ]);
  });

  it('answers undefined for no row, and aliases as named', () => {
    const statement = prepareRows<[number], { id: number; label: string }>(
      db,
      'SELECT pk AS id, name AS label FROM t WHERE pk = ?',
    );
    expect(statement.get(9)).toBeUndefined();
    expect(statement.get(3)).toEqual({ id: 3, label: 'c' });
  });
});
