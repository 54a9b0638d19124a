/** Download figures for `npm run bench`: a very large attachment in the bench database, streamed through the BFF. */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createBlobStore } from '../src/server/sandbox/store/blobs';
import type { Db } from '../src/server/sandbox/store/db';

export const HUGE_FILE_NAME = 'warehouse-backup.bin';
const HUGE_FILE_MIB = 256;

export interface BenchFile {
  message: string;
  attachment: string;
  name: string;
  size: number;
}

/**
 * Attaches a 256 MiB file (random bytes, so nothing compresses it) to the newest message of a conversation, once
 * per database: the files of the demo data stop at 53 MB.
 */
export function ensureHugeFile(db: Db, accountId: string, conversationPk: number): BenchFile {
  const find = () =>
    db
      .prepare(
        `SELECT m.id AS message, a.id AS attachment, a.file_name AS name, b.size AS size FROM attachments a
         JOIN blobs b ON b.pk = a.blob_pk JOIN messages m ON m.seq = a.message_seq
         WHERE a.account_id = ? AND a.file_name = ?`,
      )
      .get(accountId, HUGE_FILE_NAME) as BenchFile | undefined;
  const existing = find();
  if (existing) return existing;
  const newest = db
    .prepare('SELECT seq FROM messages WHERE conversation_pk = ? ORDER BY seq DESC LIMIT 1')
    .get(conversationPk) as { seq: number };
  db.transaction(() => {
    const blobPk = createBlobStore(db).put(
      (function* () {
        for (let i = 0; i < HUGE_FILE_MIB; i++) yield randomBytes(1024 * 1024);
      })(),
    );
    db.prepare(
      `INSERT INTO attachments (account_id, message_seq, id, remote_id, file_name, file_type, blob_pk)
       VALUES (?, ?, ?, ?, ?, 'application/octet-stream', ?)`,
    ).run(accountId, newest.seq, 'att_bench_huge', 'F-BENCH-HUGE', HUGE_FILE_NAME, blobPk);
    db.prepare('UPDATE messages SET has_attachments = 1 WHERE seq = ?').run(newest.seq);
  })();
  return find()!;
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Starts a new peak-RSS measurement for a process (Linux: writing 5 to clear_refs resets VmHWM). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface DownloadFigure {
  file: BenchFile;
  mbPerSecond: number;
  rssBeforeMb: number;
  /** The highest RSS during the download (since the reset), or the process's lifetime peak if it cannot be reset. */
  peakMb: number;
  peakIsLifetime: boolean;
}

/** Downloads a file once through the BFF (`/api`), as the browser does, and reads the server's memory around it. */
export async function measureBffDownload(
  base: string,
  accountId: string,
  pid: number,
  file: BenchFile,
): Promise<DownloadFigure> {
  const session = await fetch(`${base}/api/inbox/session`);
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const before = memoryOf(pid);
  const reset = resetPeak(pid);
  const started = performance.now();
  const response = await fetch(
    `${base}/api/unified/messaging/messages/${file.message}/attachments/${file.attachment}/download`,
    { headers: { cookie, 'x-account-id': accountId } },
  );
  if (!response.ok) throw new Error(`download of ${file.name} failed: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - started) / 1000;
  if (bytes !== file.size) throw new Error(`download of ${file.name} gave ${bytes} of ${file.size} bytes`);
  const after = memoryOf(pid);
  return {
    file,
    mbPerSecond: bytes / 1e6 / seconds,
    rssBeforeMb: before.rssMb,
    peakMb: after.peakMb,
    peakIsLifetime: !reset,
  };
}
