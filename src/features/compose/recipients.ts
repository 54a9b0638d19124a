import type { Conversation, User } from '../../contract/models';
import { type ConversationKind, conversationKind, conversationTitle } from '../../lib/conversation-title';
import { matchScore, queryTokens } from '../../contract/text-match';
import { handleOrEmail, personName } from '../../contract/people';

export type Recipient =
  | { kind: 'conversation'; id: string; label: string; detail: string }
  | { kind: 'user'; id: string; label: string; detail: string };

const DETAILS: Record<ConversationKind, string> = {
  channel: 'Channel',
  private: 'Private channel',
  direct: 'Direct message',
  group: 'Group message',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text typed is an email address (which reaches only someone of the account who has it). */
export const looksLikeEmail = (text: string) => EMAIL.test(text.trim());

/**
 * Conversations and people matching the query, best first. Each person shows once: someone with a direct
 * conversation already listed is reached through it. An email address finds the person who has it; StackOne
 * cannot send to an address outside the account, so none is offered on its own.
 */
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
    if (score >= 0 && c.id)
      scored.push({
        score,
        recipient: {
          kind: 'conversation',
          id: c.id,
          label: c.name ? `#${label}` : label,
          detail: DETAILS[conversationKind(c)],
        },
      });
  }
  for (const u of users) {
    if (!u.id || u.id === selfId || u.active === false) continue;
    if (directConversationWith(conversations, selfId, u.id)) continue;
    const scores = [u.name, u.username, u.email]
      .map((text) => (text ? matchScore(text, tokens) : -1))
      .filter((s) => s >= 0);
    if (scores.length > 0)
      scored.push({
        score: Math.min(...scores),
        recipient: { kind: 'user', id: u.id, label: personName(u), detail: handleOrEmail(u) },
      });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.recipient);
}

/** The direct conversation of the account's user with one person, among those loaded. */
export function directConversationWith(
  conversations: readonly Conversation[],
  selfId: string | null,
  userId: string,
): Conversation | undefined {
  return conversations.find((c) => {
    if (c.name) return false;
    const people = new Set(c.participants ?? []);
    return people.has(userId) && (people.size === 1 || (people.size === 2 && selfId !== null && people.has(selfId)));
  });
}
