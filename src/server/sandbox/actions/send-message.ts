import type { CreateResult } from '../../../contract/envelopes';
import { Problem } from '../problem';
import type { AccountRow } from '../store/accounts';
import type { ConversationRow } from '../store/conversations';
import { newId, newRemoteId } from '../store/ids';
import type { Store } from '../store/store';
import type { UserRow } from '../store/users';
import { messageHtml } from './message-html';
import { createdResult } from './created-result';

export const MAX_MESSAGE_LENGTH = 40_000;

export interface SendInput {
  content?: string | null;
  recipient?: string | null;
  sender?: string | null;
}

/** The account's own user: who sends when no sender is named. */
export function accountUser(store: Store, account: AccountRow): UserRow {
  const user = account.owner_user_id ? store.users.get(account.id, account.owner_user_id) : undefined;
  if (!user) throw new Problem(412, 'This linked account has no user to send as');
  return user;
}

function resolveSender(store: Store, account: AccountRow, sender: string | null | undefined): UserRow {
  if (!sender || sender === account.id) return accountUser(store, account);
  const user =
    store.users.get(account.id, sender) ??
    store.users.findByEmail(account.id, sender) ??
    store.users.findByPhone(account.id, sender);
  if (!user)
    throw new Problem(422, `Unknown sender ${JSON.stringify(sender)}: use the account id or a user of this account`);
  if (!user.active) throw new Problem(422, `Sender ${JSON.stringify(sender)} is inactive and cannot send messages`);
  return user;
}

function directConversation(
  store: Store,
  account: AccountRow,
  from: UserRow,
  to: UserRow,
  now: string,
): ConversationRow {
  const participants = [...new Set([from.id, to.id])];
  const existing = store.conversations.findDirect(account.id, participants);
  if (existing) return existing;
  store.conversations.insert({
    account_id: account.id,
    id: newId(),
    remote_id: newRemoteId(account.provider, 'conversation', new Date(now), true),
    name: null,
    private: true,
    participants,
    direct: true,
    created_at: now,
  });
  return store.conversations.findDirect(account.id, participants)!;
}

function resolveRecipient(
  store: Store,
  account: AccountRow,
  from: UserRow,
  recipient: string,
  now: string,
): ConversationRow {
  const conversation = store.conversations.get(account.id, recipient);
  if (conversation) {
    const members = JSON.parse(conversation.participants) as string[];
    if (conversation.private === 1 && !members.includes(from.id)) {
      throw new Problem(403, `The sender is not a member of the private conversation ${JSON.stringify(recipient)}`);
    }
    return conversation;
  }
  const user =
    store.users.get(account.id, recipient) ??
    (recipient.includes('@') ? store.users.findByEmail(account.id, recipient) : undefined) ??
    store.users.findByPhone(account.id, recipient);
  if (!user) {
    throw new Problem(
      422,
      `Unknown recipient ${JSON.stringify(recipient)}: expected a conversation id, user id, email or phone number of this account`,
    );
  }
  if (!user.active) throw new Problem(422, `Recipient ${JSON.stringify(recipient)} is inactive`);
  return directConversation(store, account, from, user, now);
}

/** The names of a conversation's members, who may be mentioned as `@Name` in it. */
function memberNames(store: Store, account: AccountRow, conversation: ConversationRow): string[] {
  const members = JSON.parse(conversation.participants) as string[];
  return members.flatMap((id) => store.users.get(account.id, id)?.name ?? []);
}

/** send_message: validates, resolves the recipient, stores the message and bumps its conversation. */
export function sendMessage(store: Store, account: AccountRow, input: SendInput, now = new Date()): CreateResult {
  const content = input.content ?? '';
  if (content.trim() === '') throw new Problem(422, 'content must not be empty');
  if (content.length > MAX_MESSAGE_LENGTH) {
    throw new Problem(422, `content is ${content.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}`);
  }
  const recipient = input.recipient?.trim();
  if (!recipient) throw new Problem(422, 'recipient is required: a conversation id, user id, email or phone number');

  const at = now.toISOString();
  const from = resolveSender(store, account, input.sender);
  const conversation = resolveRecipient(store, account, from, recipient, at);
  const id = newId();
  const remoteId = newRemoteId(account.provider, 'message', now);
  const seq = store.messages.insert({
    account_id: account.id,
    conversation_pk: conversation.pk,
    id,
    remote_id: remoteId,
    author_pk: from.pk,
    content_plain: content,
    content_html: messageHtml(content, content.includes('@') ? memberNames(store, account, conversation) : []),
    parent_message_id: null,
    created_at: at,
  });
  store.conversations.touch(conversation.pk, at, seq);
  return createdResult(id, remoteId, now);
}
