import type { CreateResult } from '../../../contract/envelopes';
import { Problem } from '../problem';
import type { AccountRow } from '../store/accounts';
import { newId, newRemoteId } from '../store/ids';
import type { Store } from '../store/store';
import { createdResult } from './created-result';
import { accountUser } from './send-message';

export const MAX_NAME_LENGTH = 80;
export const MAX_PARTICIPANTS = 500;

export interface CreateConversationInput {
  participants?: string[] | null;
  name?: string | null;
  private?: boolean | null;
}

/**
 * create_conversation. The account's own user always joins. Without a name, two people make a
 * direct conversation (an existing one is returned, as providers do) and more make a group DM.
 */
export function createConversation(
  store: Store,
  account: AccountRow,
  input: CreateConversationInput,
  now = new Date(),
): CreateResult {
  const requested = [...new Set(input.participants ?? [])];
  const name = input.name?.trim() || null;
  if (requested.length === 0 && name === null) {
    throw new Problem(422, 'Give the conversation a name or at least one participant');
  }
  if (requested.length > MAX_PARTICIPANTS) {
    throw new Problem(422, `A conversation can have at most ${MAX_PARTICIPANTS} participants`);
  }
  if (name !== null && name.length > MAX_NAME_LENGTH) {
    throw new Problem(422, `name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`);
  }

  const unknown = requested.filter((id) => !store.users.get(account.id, id));
  if (unknown.length > 0) {
    throw new Problem(422, `Unknown participants: ${unknown.join(', ')} are not users of this account`);
  }
  const inactive = requested.filter((id) => store.users.get(account.id, id)?.active === 0);
  if (inactive.length > 0) {
    throw new Problem(422, `Inactive users cannot join a conversation: ${inactive.join(', ')}`);
  }
  if (name !== null && store.conversations.findByName(account.id, name)) {
    throw new Problem(409, `A conversation named ${JSON.stringify(name)} already exists`);
  }

  const me = accountUser(store, account);
  const participants = [me.id, ...requested.filter((id) => id !== me.id)];
  const direct = name === null && participants.length <= 2;
  if (direct) {
    const existing = store.conversations.findDirect(account.id, participants);
    if (existing) return createdResult(existing.id, existing.remote_id ?? existing.id, now);
  }
  const isPrivate = direct || name === null || input.private === true;
  const id = newId();
  const remoteId = newRemoteId(account.provider, 'conversation', now, isPrivate);
  store.conversations.insert({
    account_id: account.id,
    id,
    remote_id: remoteId,
    name,
    private: isPrivate,
    participants,
    direct,
    created_at: now.toISOString(),
  });
  return createdResult(id, remoteId, now);
}
