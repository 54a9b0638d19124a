import type { Conversation, User } from '../contract/models';
import { personName } from '../contract/people';

export type ConversationKind = 'channel' | 'private' | 'direct' | 'group';

/** Direct or group-direct conversations have no name; channels and private groups have one. */
export function conversationKind(conversation: Conversation): ConversationKind {
  if (conversation.name) return conversation.private ? 'private' : 'channel';
  return (conversation.participants?.length ?? 0) > 2 ? 'group' : 'direct';
}

/** The people of a conversation other than the account's own user (all of them if that leaves none). */
export function otherParticipants(conversation: Conversation, selfId: string | null): string[] {
  const ids = conversation.participants ?? [];
  const others = ids.filter((id) => id !== selfId);
  return others.length > 0 ? others : ids;
}

/** The people whose names title these conversations: those of the conversations without a name. */
export function titlePeople(conversations: readonly Conversation[]): string[] {
  return conversations.flatMap((conversation) => (conversation.name ? [] : (conversation.participants ?? [])));
}

/** A conversation's name, or the names of the other people in it, resolved through the user directory. */
export function conversationTitle(
  conversation: Conversation,
  usersById: ReadonlyMap<string, User> | undefined,
  selfId: string | null,
): string {
  if (conversation.name) return conversation.name;
  const names = otherParticipants(conversation, selfId).map((id) => personName(usersById?.get(id)));
  if (names.length === 0) return 'Untitled conversation';
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
