import { createAccountStore } from './accounts';
import { createAttachmentStore } from './attachments';
import { createBlobStore } from './blobs';
import { createConversationStore } from './conversations';
import type { Db } from './db';
import { createIdempotencyStore } from './idempotency';
import { createMessageStore } from './messages';
import { createUserStore } from './users';

/** Every table's prepared statements, made once per database. */
export function createStore(db: Db) {
  const transaction = db.transaction((read: () => unknown) => read());
  return {
    db,
    /** Runs the reads of one answer in one transaction: one snapshot, and the file's read lock taken once. */
    read: <T>(reads: () => T): T => transaction(reads) as T,
    accounts: createAccountStore(db),
    users: createUserStore(db),
    conversations: createConversationStore(db),
    messages: createMessageStore(db),
    attachments: createAttachmentStore(db),
    blobs: createBlobStore(db),
    idempotency: createIdempotencyStore(db),
  };
}

export type Store = ReturnType<typeof createStore>;
