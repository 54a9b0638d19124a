import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDb } from '../store/db';
import { seedDatabase, type SeedOptions, type SeedReport } from './seed';

const sidecars = ['', '-wal', '-shm'];

/**
 * Builds a fresh demo database at `path`: seeded into a side file with journalling off (fast),
 * then switched to WAL and moved into place, so a half-built database is never opened.
 */
export function seedFile(path: string, options: SeedOptions = {}): SeedReport {
  const building = `${path}.building`;
  for (const suffix of sidecars) rmSync(building + suffix, { force: true });
  const db = openDb(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  let report: SeedReport;
  try {
    report = seedDatabase(db, options);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  for (const suffix of sidecars) rmSync(path + suffix, { force: true });
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) if (existsSync(building + suffix)) rmSync(building + suffix, { force: true });
  return report;
}
