import type { Conversation, Message, User } from '../../contract/models';
import {
  type ConversationKind,
  conversationKind,
  conversationTitle,
  otherParticipants,
} from '../../lib/conversation-title';
import { foldText, matchScore, queryTokens } from '../../contract/text-match';
import { handleOrEmail, personName } from '../../contract/people';

export interface ConversationResult {
  type: 'conversation';
  id: string;
  title: string;
  subtitle: string;
  kind: ConversationKind;
  /** The other person of a direct message, whose avatar stands for it. */
  personId: string | null;
  personName: string;
}

export interface PersonResult {
  type: 'person';
  id: string;
  title: string;
  subtitle: string;
  username: string;
  email: string;
}

export interface MessageResult {
  type: 'message';
  id: string;
  conversationId: string;
  authorId: string | null;
  /** Who wrote it. */
  title: string;
  /** Where it was written. */
  subtitle: string;
  /** The words around the first match. */
  snippet: string;
}

export type SwitcherResult = ConversationResult | PersonResult | MessageResult;

/** At most this many messages are listed, under the conversations and people. */
export const MESSAGE_PLACES = 5;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 90;

/** The text around where the first token occurs, on one line, with an ellipsis where it was cut. */
export function snippetAround(text: string, token: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  // Folding keeps the length of most text; where it does not, the snippet still starts near the match.
  const at = Math.max(0, foldText(line).indexOf(token));
  const start = at > SNIPPET_BEFORE ? line.lastIndexOf(' ', at - SNIPPET_BEFORE) + 1 || at - SNIPPET_BEFORE : 0;
  const end = start + SNIPPET_LENGTH;
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}

/**
 * Messages of the loaded conversations whose text holds every word of the query, newest first, at most `limit`.
 * `textOf` gives a message's text as the thread shows it; `titleOf` names a conversation.
 */
export function messageResults(
  loaded: readonly { conversationId: string; messages: readonly Message[] }[],
  query: string,
  textOf: (message: Message) => string,
  titleOf: (conversationId: string) => string,
  limit = MESSAGE_PLACES,
): MessageResult[] {
  const tokens = queryTokens(query);
  if (tokens.join('').length < 2) return [];
  const found: { message: Message; conversationId: string; text: string }[] = [];
  for (const { conversationId, messages } of loaded) {
    for (const message of messages) {
      if (!message.id) continue;
      const text = textOf(message);
      if (matchScore(text, tokens) >= 0) found.push({ message, conversationId, text });
    }
  }
  const at = (message: Message) => Date.parse(message.created_at ?? '') || 0;
  return found
    .sort((a, b) => at(b.message) - at(a.message))
    .slice(0, limit)
    .map(({ message, conversationId, text }) => ({
      type: 'message',
      id: message.id!,
      conversationId,
      authorId: message.author?.id ?? null,
      title: personName(message.author),
      subtitle: titleOf(conversationId),
      snippet: snippetAround(text, tokens[0]!),
    }));
}

export const MAX_RESULTS = 12;
/** People keep at least this many places when conversations would fill the list. */
const PEOPLE_PLACES = 4;

const subtitles: Record<ConversationKind, (count: number) => string> = {
  channel: () => 'Channel',
  private: () => 'Private channel',
  direct: () => 'Direct message',
  group: (count) => `Group message · ${count} people`,
};

/** Every loaded conversation as a result, in the list's order (latest activity first), each once. */
export function conversationResults(
  conversations: readonly Conversation[],
  usersById: ReadonlyMap<string, User> | undefined,
  selfId: string | null,
): ConversationResult[] {
  const seen = new Set<string>();
  const results: ConversationResult[] = [];
  for (const conversation of conversations) {
    const id = conversation.id;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const kind = conversationKind(conversation);
    const personId = kind === 'direct' ? (otherParticipants(conversation, selfId)[0] ?? null) : null;
    results.push({
      type: 'conversation',
      id,
      title: conversationTitle(conversation, usersById, selfId),
      subtitle: subtitles[kind](conversation.participants?.length ?? 0),
      kind,
      personId,
      personName: personId ? personName(usersById?.get(personId)) : '',
    });
  }
  return results;
}

export function personResult(user: User & { id: string }): PersonResult {
  const notes = [handleOrEmail(user), user.bot ? 'Bot' : null, user.active === false ? 'Deactivated' : null];
  return {
    type: 'person',
    id: user.id,
    title: personName(user),
    subtitle: notes.filter(Boolean).join(' · '),
    username: user.username ?? '',
    email: user.email ?? '',
  };
}

function best<T>(items: readonly T[], score: (item: T) => number): T[] {
  return items
    .map((item, order) => ({ item, order, score: score(item) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map((entry) => entry.item);
}

const lowest = (scores: number[]) => {
  const found = scores.filter((score) => score >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
};

/**
 * What the switcher lists for a query: conversations by title, then people by name, username or
 * email, best matches first (ties keep recency for conversations), at most `limit` in all. With
 * no query, the most recent conversations.
 */
export function searchSwitcher(
  conversations: readonly ConversationResult[],
  people: readonly PersonResult[],
  query: string,
  limit = MAX_RESULTS,
): SwitcherResult[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return conversations.slice(0, limit);
  const matchedConversations = best(conversations, (result) => matchScore(result.title, tokens));
  const matchedPeople = best(people, (person) =>
    lowest([matchScore(person.title, tokens), matchScore(person.username, tokens), matchScore(person.email, tokens)]),
  );
  const conversationPlaces = limit - Math.min(matchedPeople.length, PEOPLE_PLACES);
  const shownConversations = matchedConversations.slice(0, conversationPlaces);
  return [...shownConversations, ...matchedPeople.slice(0, limit - shownConversations.length)];
}
