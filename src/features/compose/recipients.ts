import type { Conversation, User } from '../../contract/models';
import { conversationTitle } from '../../lib/conversation-title';
import { matchScore, queryTokens } from '../../contract/text-match';

export type Recipient =
  | { kind: 'conversation'; id: string; label: string; detail: string }
  | { kind: 'user'; id: string; label: string; detail: string }
  | { kind: 'email'; id: string; label: string; detail: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Conversations and people matching the query, best first, plus a raw email when one is typed. */
export function findRecipients(
  query: string,
  conversations: readonly Conversation[],
  users: readonly User[],
  usersById: ReadonlyMap<string, User> | undefined,
  selfId: string | null,
  limit = 8,
): Recipient[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const scored: { score: number; recipient: Recipient }[] = [];
  for (const c of conversations) {
    const label = conversationTitle(c, usersById, selfId);
    const score = matchScore(label, tokens);
    if (score >= 0 && c.id) scored.push({ score, recipient: { kind: 'conversation', id: c.id, label: c.name ? `#${label}` : label, detail: c.name ? (c.private ? 'Private channel' : 'Channel') : 'Direct message' } });
  }
  for (const u of users) {
    if (!u.id || u.id === selfId || u.active === false) continue;
    const scores = [u.name, u.username, u.email].map((text) => (text ? matchScore(text, tokens) : -1)).filter((s) => s >= 0);
    if (scores.length > 0) scored.push({ score: Math.min(...scores), recipient: { kind: 'user', id: u.id, label: u.name ?? u.email ?? u.id, detail: u.username ? `@${u.username}` : (u.email ?? '') } });
  }
  const found = scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.recipient);
  const typed = query.trim();
  if (EMAIL.test(typed) && !users.some((u) => u.email?.toLowerCase() === typed.toLowerCase())) {
    found.push({ kind: 'email', id: typed, label: typed, detail: 'Send to this email address' });
  }
  return found;
}

/** The direct conversation of the account's user with one person, among those loaded. */
export function directConversationWith(conversations: readonly Conversation[], selfId: string | null, userId: string): Conversation | undefined {
  return conversations.find((c) => {
    if (c.name) return false;
    const people = new Set(c.participants ?? []);
    return people.has(userId) && (people.size === 1 || (people.size === 2 && selfId !== null && people.has(selfId)));
  });
}
