import type { Conversation, User } from '../../contract/models';
import {
  type ConversationKind,
  conversationKind,
  conversationTitle,
  otherParticipants,
} from '../../lib/conversation-title';
import { isUnread } from '../../lib/last-seen';
import { matchScore, queryTokens } from '../../contract/text-match';
import type { ListChip } from './list-chips';

/** What one row of the list shows, derived once per data change so filtering stays cheap. */
export interface ConversationRow {
  id: string;
  title: string;
  /** The names of a direct or group message are still loading: show a placeholder, not "Unknown user". */
  titlePending: boolean;
  kind: ConversationKind;
  unread: boolean;
  lastMessageAt: string | null;
  memberCount: number;
  /** Whose initials and colour the avatar shows: the other person of a direct message, else the conversation. */
  avatarId: string;
  avatarName: string;
}

function avatarOf(
  conversation: Conversation,
  id: string,
  kind: ConversationKind,
  usersById: ReadonlyMap<string, User> | undefined,
  selfId: string | null,
) {
  if (kind === 'channel' || kind === 'private') {
    // "eng-frontend" → "EF"
    return { avatarId: id, avatarName: (conversation.name ?? '').replace(/[-_.]+/g, ' ') };
  }
  const others = otherParticipants(conversation, selfId);
  if (kind === 'direct') {
    const other = others[0] ?? id;
    return { avatarId: other, avatarName: usersById?.get(other)?.name ?? '' };
  }
  // A group message: the initials of its first two people.
  const firstNames = others.slice(0, 2).map((other) => {
    const user = usersById?.get(other);
    return user?.first_name || user?.name || '';
  });
  return { avatarId: id, avatarName: firstNames.join(' ') };
}

/** Rows in the server's order (latest activity first), without conversations that lack an id or repeat on a later page. */
export interface RowSources {
  usersById: ReadonlyMap<string, User> | undefined;
  selfId: string | null;
  /** When the reader last saw each conversation (see lib/last-seen). */
  seen: Readonly<Record<string, string>>;
  /** Some people's names are still being looked up. */
  namesPending: boolean;
}

export function toRows(
  conversations: readonly Conversation[],
  { usersById, selfId, seen, namesPending }: RowSources,
): ConversationRow[] {
  const rows: ConversationRow[] = [];
  const ids = new Set<string>();
  for (const conversation of conversations) {
    const id = conversation.id;
    if (!id || ids.has(id)) continue;
    ids.add(id);
    const kind = conversationKind(conversation);
    rows.push({
      id,
      title: conversationTitle(conversation, usersById, selfId),
      titlePending:
        namesPending &&
        !conversation.name &&
        (conversation.participants ?? []).some((person) => !usersById?.has(person)),
      kind,
      unread: isUnread(seen, id, conversation.last_message_at),
      lastMessageAt: conversation.last_message_at ?? null,
      memberCount: conversation.participants?.length ?? 0,
      ...avatarOf(conversation, id, kind, usersById, selfId),
    });
  }
  return rows;
}

/** Groups are group messages (no name, more than two people), not channels; Private are the locked channels. */
export function matchesChip(row: ConversationRow, chip: ListChip): boolean {
  switch (chip) {
    case 'all':
      return true;
    case 'unread':
      return row.unread;
    case 'direct':
      return row.kind === 'direct';
    case 'groups':
      return row.kind === 'group';
    case 'private':
      return row.kind === 'private';
  }
}

/**
 * The rows that pass the chip and whose title holds every word of the query, in list order. The
 * open conversation stays under Unread once read, so it does not vanish while the reader is in it.
 */
export function filterRows(
  rows: readonly ConversationRow[],
  query: string,
  chip: ListChip,
  openId: string | null = null,
): readonly ConversationRow[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 && chip === 'all') return rows;
  return rows.filter(
    (row) => (matchesChip(row, chip) || (chip === 'unread' && row.id === openId)) && matchScore(row.title, tokens) >= 0,
  );
}

/** "Channel · 12 members", "Direct message": the muted second line of a row. */
export function rowSubtitle(row: ConversationRow): string {
  switch (row.kind) {
    case 'channel':
      return `Channel · ${members(row.memberCount)}`;
    case 'private':
      return `Private channel · ${members(row.memberCount)}`;
    case 'direct':
      return 'Direct message';
    case 'group':
      return `Group message · ${row.memberCount} people`;
  }
}

const members = (count: number) => (count === 1 ? '1 member' : `${count} members`);
