import type { Db } from '../store/db';
import { createBlobStore } from '../store/blobs';
import { demoMessageText, demoWorkspaces, type DemoConversation, type DemoUser } from './demo-content';
import { createRng, type Rng } from './rng';
import { largeSampleFile, sampleFiles } from './sample-files';
import { centreOnOwner } from './owner-view';
import { remoteIdAt } from './remote-ids';

export interface SeedOptions {
  /** How many messages in all (default 24,000). */
  messages?: number;
  /** The PRNG seed: the same seed builds the same data. */
  seed?: number;
  /** The newest message is a few minutes before this instant; every other time is relative to it. */
  now?: Date;
  /** Store the ≥ 50 MB file too (default true). */
  largeFile?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  accounts: number;
  users: number;
  conversations: number;
  messages: number;
  attachments: number;
  /** The busiest conversation and its message count. */
  biggest: { id: string; messages: number };
}

const DAY = 86_400_000;
const HISTORY_DAYS = 120;
const REPLY_RATE = 0.1;
const ATTACHMENT_RATE = 0.012;
/** The busiest conversation always gets at least this many messages (when there are enough). */
const BIG_CONVERSATION_MIN = 5_200;

interface PlacedConversation {
  pk: number;
  accountIndex: number;
  demo: DemoConversation;
  members: DemoUser[];
  recent: string[];
  lastSeq: number;
  lastAt: string | null;
  count: number;
}

/** Picks an index from cumulative weights by binary search. */
function weightedIndex(cumulative: number[], r: number): number {
  const target = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function messageTimes(total: number, now: number, rng: Rng): Float64Array {
  // Evenly spread over the history with jitter, kept in order: the sequence follows time.
  const start = now - HISTORY_DAYS * DAY;
  const span = now - 3 * 60_000 - start;
  const times = new Float64Array(total);
  let previous = start;
  for (let i = 0; i < total; i++) {
    const t = start + (span * (i + rng.next())) / total;
    previous = Math.max(previous + 1, Math.floor(t));
    times[i] = previous;
  }
  return times;
}

/** Fills an empty database with the demo workspaces, their people, conversations, messages and files. */
export function seedDatabase(db: Db, options: SeedOptions = {}): SeedReport {
  const total = options.messages ?? 24_000;
  const rng = createRng(options.seed ?? 20261126);
  const now = (options.now ?? new Date()).getTime();
  const workspaces = demoWorkspaces(options.seed ?? 20261126);
  const blobs = createBlobStore(db);

  const files = sampleFiles().map((file) => ({ ...file, blobPk: blobs.put([file.bytes]) }));
  const large = options.largeFile === false ? null : largeSampleFile();
  const largeBlob = large ? blobs.put(large.chunks()) : null;

  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, provider, provider_name, origin_owner_id, origin_owner_name, origin_username, label,
       owner_user_id, status, type, created_at, updated_at)
     VALUES (@id, @provider, @provider_name, @origin_owner_id, @origin_owner_name, @origin_username, @label,
       @owner_user_id, 'active', 'test', @created_at, @created_at)`,
  );
  const insertUser = db.prepare(
    `INSERT INTO users (account_id, id, remote_id, email, username, name, first_name, last_name, bot, active,
       phone_number, external_reference, created_at, updated_at)
     VALUES (@account_id, @id, @remote_id, @email, @username, @name, @first_name, @last_name, @bot, @active,
       @phone_number, @external_reference, @created_at, @updated_at)`,
  );
  const insertConversation = db.prepare(
    `INSERT INTO conversations (account_id, id, remote_id, name, private, participants, direct_key, created_at, updated_at)
     VALUES (@account_id, @id, @remote_id, @name, @private, @participants, @direct_key, @created_at, @created_at)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (seq, account_id, conversation_pk, id, remote_id, author_pk, content_plain, content_html,
       parent_message_id, has_attachments, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttachment = db.prepare(
    `INSERT INTO attachments (account_id, message_seq, id, remote_id, file_name, file_type, blob_pk)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const touchConversation = db.prepare(
    'UPDATE conversations SET last_seq = ?, last_message_at = ?, updated_at = ? WHERE pk = ?',
  );

  const userPk = new Map<string, number>();
  const placed: PlacedConversation[] = [];
  let users = 0;

  db.transaction(() => {
    workspaces.forEach((workspace, accountIndex) => {
      const { account } = workspace;
      const owner =
        workspace.users.find((u) => u.email === account.origin_username) ??
        workspace.users.find((u) => !u.bot && u.active)!;
      const accountCreated = new Date(now - (700 - accountIndex * 90) * DAY).toISOString();
      insertAccount.run({ ...account, owner_user_id: owner.id, created_at: accountCreated });
      for (const user of workspace.users) {
        const created = new Date(now - rng.int(HISTORY_DAYS + 5, 700) * DAY - rng.int(0, DAY)).toISOString();
        const updated = new Date(now - rng.int(1, HISTORY_DAYS) * DAY).toISOString();
        const info = insertUser.run({
          ...user,
          account_id: account.id,
          bot: user.bot ? 1 : 0,
          active: user.active ? 1 : 0,
          created_at: created,
          updated_at: updated,
        });
        userPk.set(`${account.id}/${user.id}`, Number(info.lastInsertRowid));
        users += 1;
      }
      const byId = new Map(workspace.users.map((u) => [u.id, u]));
      for (const conversation of centreOnOwner(workspace, owner.id)) {
        const created = new Date(now - (HISTORY_DAYS + rng.int(1, 200)) * DAY).toISOString();
        const info = insertConversation.run({
          account_id: account.id,
          id: conversation.id,
          remote_id: conversation.remote_id,
          name: conversation.name,
          private: conversation.private ? 1 : 0,
          participants: JSON.stringify(conversation.participantIds),
          direct_key:
            conversation.kind === 'direct' ? [...new Set(conversation.participantIds)].sort().join(' ') : null,
          created_at: created,
        });
        placed.push({
          pk: Number(info.lastInsertRowid),
          accountIndex,
          demo: conversation,
          members: conversation.participantIds.map((id) => byId.get(id)!),
          recent: [],
          lastSeq: 0,
          lastAt: null,
          count: 0,
        });
      }
    });
  })();

  // The busiest conversation gets a fixed share so that one thread is always long.
  const biggest = placed.reduce((a, b) => (b.demo.weight > a.demo.weight ? b : a));
  const bigShare = Math.min(0.5, Math.max(0.3, BIG_CONVERSATION_MIN / Math.max(total, 1)));
  const others = placed.filter((p) => p !== biggest);
  const otherWeight = others.reduce((sum, p) => sum + p.demo.weight, 0);
  const cumulative: number[] = [];
  const order: PlacedConversation[] = [biggest, ...others];
  let running = 0;
  for (const p of order) {
    running += p === biggest ? bigShare : ((1 - bigShare) * p.demo.weight) / otherWeight;
    cumulative.push(running);
  }

  const times = messageTimes(total, now, rng);
  const showcase = [
    ...files.map((f) => [f]),
    ...(largeBlob !== null && large ? [[{ ...large, blobPk: largeBlob }]] : []),
  ];
  const images = files.filter((f) => f.type.startsWith('image/') && f.type !== 'image/svg+xml');
  if (images.length >= 3) showcase.push(images.slice(0, 3));
  const showcaseFrom = total - Math.min(total, 400);
  let attachments = 0;
  const BATCH = 20_000;

  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const seq = i + 1;
      const conversation =
        i >= showcaseFrom && showcase.length > 0 && rng.chance(0.5)
          ? biggest
          : order[weightedIndex(cumulative, rng.next())]!;
      const account = workspaces[conversation.accountIndex]!.account;
      const people = conversation.members.filter((m) => m.active || i < total * 0.6);
      const authors = people.length > 0 ? people : conversation.members;
      const author = authors[rng.int(0, authors.length - 1)]!;
      const isReply = conversation.recent.length > 3 && rng.chance(REPLY_RATE);
      const parent = isReply ? conversation.recent[rng.int(0, conversation.recent.length - 1)]! : null;
      const text = demoMessageText(rng, conversation.demo, author, conversation.members, isReply);
      const id = rng.id(16);
      const at = new Date(times[i]!).toISOString();

      let attached: { name: string; type: string; blobPk: number }[] = [];
      if (conversation === biggest && i >= showcaseFrom && showcase.length > 0) attached = showcase.shift()!;
      else if (files.length > 0 && rng.chance(ATTACHMENT_RATE)) attached = [rng.pick(files)];

      insertMessage.run(
        seq,
        account.id,
        conversation.pk,
        id,
        remoteIdAt(account.provider, times[i]!, rng),
        userPk.get(`${account.id}/${author.id}`)!,
        text.plain,
        text.html,
        parent,
        attached.length > 0 ? 1 : 0,
        at,
        at,
      );
      for (const file of attached) {
        insertAttachment.run(
          account.id,
          seq,
          rng.id(16),
          `F${rng.id(10).toUpperCase()}`,
          file.name,
          file.type,
          file.blobPk,
        );
        attachments += 1;
      }
      conversation.recent.push(id);
      if (conversation.recent.length > 30) conversation.recent.shift();
      conversation.lastSeq = seq;
      conversation.lastAt = at;
      conversation.count += 1;
    }
  });

  // Bulk load without the message indexes, then build them once.
  db.exec(
    'DROP INDEX IF EXISTS messages_by_id; DROP INDEX IF EXISTS messages_by_conversation; DROP INDEX IF EXISTS messages_by_update;',
  );
  for (let from = 0; from < total; from += BATCH) {
    writeBatch(from, Math.min(total, from + BATCH));
    options.onProgress?.(Math.min(total, from + BATCH), total);
  }
  db.exec(`
    CREATE UNIQUE INDEX IF NOT EXISTS messages_by_id ON messages (account_id, id);
    CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation_pk, seq);
    CREATE INDEX IF NOT EXISTS messages_by_update ON messages (conversation_pk, updated_at);
  `);
  db.transaction(() => {
    for (const p of placed) {
      if (p.lastAt) touchConversation.run(p.lastSeq, p.lastAt, p.lastAt, p.pk);
    }
  })();
  db.exec('ANALYZE');

  return {
    accounts: workspaces.length,
    users,
    conversations: placed.length,
    messages: total,
    attachments,
    biggest: { id: biggest.demo.id, messages: biggest.count },
  };
}
