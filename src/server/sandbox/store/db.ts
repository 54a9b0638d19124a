import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  provider_name TEXT,
  origin_owner_id TEXT NOT NULL,
  origin_owner_name TEXT NOT NULL,
  origin_username TEXT,
  label TEXT,
  owner_user_id TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  type TEXT NOT NULL DEFAULT 'test',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  pk INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  id TEXT NOT NULL,
  remote_id TEXT,
  email TEXT,
  username TEXT,
  name TEXT NOT NULL,
  first_name TEXT,
  last_name TEXT,
  bot INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  phone_number TEXT,
  external_reference TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (account_id, id)
);
CREATE INDEX IF NOT EXISTS users_by_name ON users (account_id, name, pk);
CREATE INDEX IF NOT EXISTS users_by_email ON users (account_id, email COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS conversations (
  pk INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  id TEXT NOT NULL,
  remote_id TEXT,
  name TEXT,
  private INTEGER NOT NULL DEFAULT 0,
  participants TEXT NOT NULL,
  direct_key TEXT,
  created_at TEXT NOT NULL,
  last_message_at TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  UNIQUE (account_id, id)
);
CREATE INDEX IF NOT EXISTS conversations_by_activity ON conversations (account_id, last_seq, pk);
CREATE UNIQUE INDEX IF NOT EXISTS conversations_direct ON conversations (account_id, direct_key) WHERE direct_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS conversations_by_name ON conversations (account_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  conversation_pk INTEGER NOT NULL,
  id TEXT NOT NULL,
  remote_id TEXT,
  author_pk INTEGER,
  content_plain TEXT,
  content_html TEXT,
  parent_message_id TEXT,
  has_attachments INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_by_id ON messages (account_id, id);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_pk, seq);
CREATE INDEX IF NOT EXISTS messages_by_update ON messages (conversation_pk, updated_at);
CREATE TABLE IF NOT EXISTS blobs (
  pk INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS blob_chunks (
  blob_pk INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS blob_chunks_by_blob ON blob_chunks (blob_pk, idx);
CREATE TABLE IF NOT EXISTS attachments (
  pk INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  message_seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  remote_id TEXT,
  file_name TEXT NOT NULL,
  file_type TEXT NOT NULL,
  blob_pk INTEGER NOT NULL,
  UNIQUE (account_id, id)
);
CREATE INDEX IF NOT EXISTS attachments_by_message ON attachments (message_seq, pk);
CREATE TABLE IF NOT EXISTS idempotency (
  account_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, operation, key)
);
`;

/** Opens (creating if needed) the sandbox database. WAL keeps readers and the writer apart. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.exec(schema);
  return db;
}

export function isEmpty(db: Db): boolean {
  return db.prepare('SELECT 1 FROM accounts LIMIT 1').get() === undefined;
}
