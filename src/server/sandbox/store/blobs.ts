import { createHash } from 'node:crypto';
import type { Db } from './db';

/** Files are stored in chunks so that any file streams out with flat memory. Divisible by 3 for base64. */
export const CHUNK_SIZE = 3 * 64 * 1024;

export function createBlobStore(db: Db) {
  const findBySha = db.prepare<[string], { pk: number }>('SELECT pk FROM blobs WHERE sha256 = ?');
  const insertBlob = db.prepare<[string, number]>('INSERT INTO blobs (sha256, size) VALUES (?, ?)');
  const insertChunk = db.prepare<[number, number, Buffer]>(
    'INSERT INTO blob_chunks (blob_pk, idx, data) VALUES (?, ?, ?)',
  );
  const readChunk = db.prepare<[number, number], { data: Buffer }>(
    'SELECT data FROM blob_chunks WHERE blob_pk = ? AND idx = ?',
  );
  const sizeOf = db.prepare<[number], { size: number }>('SELECT size FROM blobs WHERE pk = ?');

  /** Stores a file given as a sequence of buffers of any size; the same content is stored once. */
  function put(parts: Iterable<Buffer>): number {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let pending: Buffer[] = [];
    let pendingSize = 0;
    let size = 0;
    const flush = (final: boolean) => {
      while (pendingSize >= CHUNK_SIZE || (final && pendingSize > 0)) {
        const joined = Buffer.concat(pending);
        const take = Math.min(CHUNK_SIZE, joined.length);
        chunks.push(joined.subarray(0, take));
        pending = take < joined.length ? [joined.subarray(take)] : [];
        pendingSize = joined.length - take;
      }
    };
    const run = db.transaction(() => {
      // Chunks are written to a provisional blob id first, then kept or dropped by hash.
      const provisional = Number(
        insertBlob.run(`pending-${process.pid}-${Date.now()}-${Math.random()}`, 0).lastInsertRowid,
      );
      let index = 0;
      for (const part of parts) {
        hash.update(part);
        size += part.length;
        pending.push(part);
        pendingSize += part.length;
        flush(false);
        for (const chunk of chunks.splice(0)) insertChunk.run(provisional, index++, chunk);
      }
      flush(true);
      for (const chunk of chunks.splice(0)) insertChunk.run(provisional, index++, chunk);
      const sha = hash.digest('hex');
      const existing = findBySha.get(sha);
      if (existing) {
        db.prepare('DELETE FROM blob_chunks WHERE blob_pk = ?').run(provisional);
        db.prepare('DELETE FROM blobs WHERE pk = ?').run(provisional);
        return existing.pk;
      }
      db.prepare('UPDATE blobs SET sha256 = ?, size = ? WHERE pk = ?').run(sha, size, provisional);
      return provisional;
    });
    return run();
  }

  return {
    put,
    size: (blobPk: number) => sizeOf.get(blobPk)?.size ?? 0,
    /** The file's bytes, one stored chunk at a time. */
    *chunks(blobPk: number): Generator<Buffer> {
      for (let index = 0; ; index++) {
        const row = readChunk.get(blobPk, index);
        if (!row) return;
        yield row.data;
      }
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
