import type { Conversation } from '../../../contract/models';
import type { Db } from './db';
import { prepareRows } from './named-rows';

export interface ConversationRow {
  pk: number;
  account_id: string;
  id: string;
  remote_id: string | null;
  name: string | null;
  private: number;
  participants: string;
  direct_key: string | null;
  created_at: string;
  last_message_at: string | null;
  last_seq: number;
  updated_at: string;
}

/** A conversation as a list answers it, with its place in the list (last_seq, pk). */
export type ListedConversation = Pick<
  ConversationRow,
  'pk' | 'id' | 'remote_id' | 'name' | 'private' | 'participants' | 'created_at' | 'last_message_at' | 'last_seq'
>;
const LISTED = 'pk, id, remote_id, name, private, participants, created_at, last_message_at, last_seq';

export function toConversation(row: ListedConversation): Conversation {
  return {
    id: row.id,
    remote_id: row.remote_id,
    participants: JSON.parse(row.participants) as string[],
    name: row.name,
    private: row.private === 1,
    created_at: row.created_at,
    last_message_at: row.last_message_at,
  };
}

/** Where a walk through the conversation list stands, and the snapshot it walks. */
export interface ConversationPosition {
  /** Activity key (sequence number of the last message) and pk of the previous page's last row. */
  key: number;
  pk: number;
  /** Highest message sequence and conversation pk when the walk began. */
  snapshotSeq: number;
  snapshotPk: number;
}

export function directKey(userIds: string[]): string {
  return [...new Set(userIds)].sort().join(' ');
}

export function createConversationStore(db: Db) {
  const page = prepareRows<[string, number, number, number, number, string, number], ListedConversation>(
    db,
    `SELECT ${LISTED} FROM conversations
     WHERE account_id = ? AND last_seq <= ? AND pk <= ? AND (last_seq, pk) < (?, ?) AND updated_at > ?
     ORDER BY last_seq DESC, pk DESC LIMIT ?`,
  );
  const movedSince = db.prepare<[string, number, number, string], ListedConversation>(
    `SELECT ${LISTED} FROM conversations WHERE account_id = ? AND last_seq > ? AND pk <= ? AND updated_at > ?`,
  );
  const lastSeqAt = db.prepare<[number, number], { seq: number | null }>(
    'SELECT max(seq) AS seq FROM messages WHERE conversation_pk = ? AND seq <= ?',
  );
  const snapshot = db.prepare<[], { seq: number | null; pk: number | null }>(
    'SELECT (SELECT max(seq) FROM messages) AS seq, (SELECT max(pk) FROM conversations) AS pk',
  );
  const byId = prepareRows<[string, string], ConversationRow>(
    db,
    'SELECT * FROM conversations WHERE account_id = ? AND id = ?',
  );
  const pkById = db
    .prepare<[string, string], number>('SELECT pk FROM conversations WHERE account_id = ? AND id = ?')
    .pluck();
  const byDirectKey = db.prepare<[string, string], ConversationRow>(
    'SELECT * FROM conversations WHERE account_id = ? AND direct_key = ?',
  );
  const byName = db.prepare<[string, string], ConversationRow>(
    'SELECT * FROM conversations WHERE account_id = ? AND name = ? COLLATE NOCASE LIMIT 1',
  );
  const insert = db.prepare(
    // A new conversation is activity: it sorts with the newest, where its people will look for it.
    `INSERT INTO conversations (account_id, id, remote_id, name, private, participants, direct_key, created_at, updated_at, last_seq)
     VALUES (@account_id, @id, @remote_id, @name, @private, @participants, @direct_key, @created_at, @created_at,
       (SELECT coalesce(max(seq), 0) FROM messages))`,
  );
  const touch = db.prepare<[string, number, string, number]>(
    'UPDATE conversations SET last_message_at = ?, last_seq = ?, updated_at = ? WHERE pk = ?',
  );

  return {
    startPosition(): ConversationPosition {
      const { seq, pk } = snapshot.get()!;
      return { key: Number.MAX_SAFE_INTEGER, pk: Number.MAX_SAFE_INTEGER, snapshotSeq: seq ?? 0, snapshotPk: pk ?? 0 };
    },

    /**
     * One page, newest activity first, as the list stood when the walk began: a conversation
     * that gets a new message mid-walk keeps its old place, so every record comes exactly once.
     */
    list(accountId: string, limit: number, at: ConversationPosition, updatedAfter: string | null) {
      const since = updatedAfter ?? '';
      const rows = page
        .all(accountId, at.snapshotSeq, at.snapshotPk, at.key, at.pk, since, limit)
        .map((row) => ({ row, key: row.last_seq }));
      const moved = movedSince.all(accountId, at.snapshotSeq, at.snapshotPk, since).map((row) => ({
        row,
        key: lastSeqAt.get(row.pk, at.snapshotSeq)?.seq ?? 0,
      }));
      if (moved.length === 0) return rows;
      const before = (a: { key: number; row: { pk: number } }, key: number, pk: number) =>
        a.key < key || (a.key === key && a.row.pk < pk);
      return [...rows, ...moved.filter((entry) => before(entry, at.key, at.pk))]
        .sort((a, b) => b.key - a.key || b.row.pk - a.row.pk)
        .slice(0, limit);
    },

    get: (accountId: string, id: string) => byId.get(accountId, id),
    pkOf: (accountId: string, id: string) => pkById.get(accountId, id),
    findDirect: (accountId: string, userIds: string[]) => byDirectKey.get(accountId, directKey(userIds)),
    findByName: (accountId: string, name: string) => byName.get(accountId, name),

    insert(row: {
      account_id: string;
      id: string;
      remote_id: string;
      name: string | null;
      private: boolean;
      participants: string[];
      direct: boolean;
      created_at: string;
    }): void {
      insert.run({
        ...row,
        private: row.private ? 1 : 0,
        participants: JSON.stringify(row.participants),
        direct_key: row.direct ? directKey(row.participants) : null,
      });
    },

    touch(pk: number, at: string, seq: number): void {
      touch.run(at, seq, at, pk);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
