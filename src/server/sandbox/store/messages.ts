import type { Author, Message } from '../../../contract/models';
import { toAttachment, type AttachmentRow } from './attachments';
import type { Db } from './db';
import { prepareRows } from './named-rows';

export interface MessageRow {
  seq: number;
  id: string;
  remote_id: string | null;
  author_pk: number | null;
  content_plain: string | null;
  content_html: string | null;
  parent_message_id: string | null;
  has_attachments: number;
  created_at: string;
  updated_at: string;
}

/** Names the index: SQLite's planner may otherwise walk the rowid backwards through other conversations. */
const select = (index: 'messages_by_conversation' | 'messages_by_update' | 'messages_by_id') =>
  `SELECT seq, id, remote_id, author_pk, content_plain, content_html, parent_message_id, has_attachments, created_at,
     updated_at FROM messages INDEXED BY ${index}`;

export function toMessage(row: MessageRow, author: Author | undefined, attachments: AttachmentRow[] = []): Message {
  return {
    id: row.id,
    remote_id: row.remote_id,
    content: { plain: row.content_plain, html: row.content_html },
    parent_message_id: row.parent_message_id,
    attachments: attachments.map(toAttachment),
    author: author ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function createMessageStore(db: Db) {
  const changed = prepareRows<[number, string, string, number, number], MessageRow>(
    db,
    `${select('messages_by_update')} WHERE conversation_pk = ? AND updated_at > ? AND (updated_at, seq) < (?, ?)
     ORDER BY updated_at DESC, seq DESC LIMIT ?`,
  );
  const pageAll = prepareRows<[number, number, number], MessageRow>(
    db,
    `${select('messages_by_conversation')} WHERE conversation_pk = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
  );
  const byId = prepareRows<[string, string], MessageRow>(
    db,
    `${select('messages_by_id')} WHERE account_id = ? AND id = ?`,
  );
  const seqById = db.prepare<[string, string], { seq: number }>(
    'SELECT seq FROM messages WHERE account_id = ? AND id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO messages (account_id, conversation_pk, id, remote_id, author_pk, content_plain, content_html,
       parent_message_id, has_attachments, created_at, updated_at)
     VALUES (@account_id, @conversation_pk, @id, @remote_id, @author_pk, @content_plain, @content_html,
       @parent_message_id, 0, @created_at, @created_at)`,
  );

  return {
    /** One page, newest first; `beforeSeq` is the sequence number of the previous page's last row. */
    list(conversationPk: number, limit: number, beforeSeq: number): MessageRow[] {
      return pageAll.all(conversationPk, beforeSeq, limit);
    },
    /**
     * Messages updated after an instant, most recently updated first; `before` is the (updated_at, seq) of the
     * previous page's last row. Without edits this is the same order as `list`, and stays an index walk.
     */
    listChanged(conversationPk: number, limit: number, updatedAfter: string, before: [string, number]): MessageRow[] {
      return changed.all(conversationPk, updatedAfter, before[0], before[1], limit);
    },
    get: (accountId: string, id: string) => byId.get(accountId, id),
    seqOf: (accountId: string, id: string) => seqById.get(accountId, id)?.seq,
    insert(row: {
      account_id: string;
      conversation_pk: number;
      id: string;
      remote_id: string;
      author_pk: number;
      content_plain: string;
      content_html: string;
      parent_message_id: string | null;
      created_at: string;
    }): number {
      return Number(insert.run(row).lastInsertRowid);
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
