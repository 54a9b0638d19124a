import type { Attachment } from '../../../contract/models';
import type { Db } from './db';

export interface AttachmentRow {
  pk: number;
  account_id: string;
  message_seq: number;
  id: string;
  remote_id: string | null;
  file_name: string;
  file_type: string;
  blob_pk: number;
  file_size: number;
}

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    remote_id: row.remote_id,
    file_name: row.file_name,
    file_size: row.file_size,
    file_type: row.file_type,
  };
}

const columns = 'a.*, b.size AS file_size';

export function createAttachmentStore(db: Db) {
  const forMessages = db.prepare<[string], AttachmentRow>(
    `SELECT ${columns} FROM attachments a JOIN blobs b ON b.pk = a.blob_pk
     WHERE a.message_seq IN (SELECT value FROM json_each(?)) ORDER BY a.message_seq, a.pk`,
  );
  const page = db.prepare<[number, number, number], AttachmentRow>(
    `SELECT ${columns} FROM attachments a JOIN blobs b ON b.pk = a.blob_pk
     WHERE a.message_seq = ? AND a.pk > ? ORDER BY a.pk LIMIT ?`,
  );
  const byId = db.prepare<[number, string], AttachmentRow>(
    `SELECT ${columns} FROM attachments a JOIN blobs b ON b.pk = a.blob_pk WHERE a.message_seq = ? AND a.id = ?`,
  );

  return {
    /** Attachments of many messages at once, grouped by message sequence number. */
    forMessages(seqs: number[]): Map<number, AttachmentRow[]> {
      const grouped = new Map<number, AttachmentRow[]>();
      if (seqs.length === 0) return grouped;
      for (const row of forMessages.all(JSON.stringify(seqs))) {
        const list = grouped.get(row.message_seq) ?? [];
        list.push(row);
        grouped.set(row.message_seq, list);
      }
      return grouped;
    },
    list: (messageSeq: number, limit: number, afterPk: number) => page.all(messageSeq, afterPk, limit),
    get: (messageSeq: number, id: string) => byId.get(messageSeq, id),
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
