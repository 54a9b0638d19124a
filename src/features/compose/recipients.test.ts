import { describe, expect, it } from 'vitest';
import { directConversationWith, findRecipients, looksLikeEmail } from './recipients';

const users = [
  { id: 'me', name: 'Me Myself', email: 'me@acme.test', active: true },
  { id: 'u1', name: 'Ada Lovelace', username: 'ada', email: 'ada@acme.test', active: true },
  { id: 'u2', name: 'Adam Inactive', username: 'adam', email: 'adam@acme.test', active: false },
];
const byId = new Map(users.map((u) => [u.id, u]));
const conversations = [
  { id: 'c1', name: 'adaptive-design', private: false, participants: ['me', 'u1'] },
  { id: 'c2', name: null, participants: ['me', 'u1'] },
];

describe('recipients', () => {
  it('finds conversations and active people by name, username or email, never the account’s user', () => {
    const found = findRecipients('ada', conversations, users, byId, 'me');
    // Ada once: through her direct conversation.
    expect(found.map((r) => `${r.kind}:${r.id}`)).toEqual(['conversation:c1', 'conversation:c2']);
    expect(findRecipients('ada', [], users, byId, 'me').map((r) => `${r.kind}:${r.id}`)).toEqual(['user:u1']);
    expect(findRecipients('me@', conversations, users, byId, 'me').some((r) => r.id === 'me')).toBe(false);
    expect(findRecipients('adam', conversations, users, byId, 'me').some((r) => r.id === 'u2')).toBe(false);
  });

  it('finds a person by email, and offers no address that no one of the account has', () => {
    expect(findRecipients('new.person@partner.test', [], users, byId, 'me')).toEqual([]);
    expect(looksLikeEmail(' new.person@partner.test ')).toBe(true);
    expect(findRecipients('ada@acme.test', [], users, byId, 'me').map((r) => r.kind)).toEqual(['user']);
  });

  it('finds the direct conversation with a person', () => {
    expect(directConversationWith(conversations, 'me', 'u1')?.id).toBe('c2');
    expect(directConversationWith(conversations, 'me', 'u2')).toBeUndefined();
  });
});
