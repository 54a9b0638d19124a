import { describe, expect, it } from 'vitest';
import { demoWorkspaces } from './demo-content';
import { centreOnOwner } from './owner-view';

describe('centreOnOwner', () => {
  it('puts the owner in every conversation and makes each direct conversation theirs with a different person', () => {
    for (const workspace of demoWorkspaces(7)) {
      const owner = workspace.users.find((u) => u.email === workspace.account.origin_username)!;
      const conversations = centreOnOwner(workspace, owner.id);
      expect(conversations.map((c) => c.id)).toEqual(workspace.conversations.map((c) => c.id));
      for (const c of conversations) expect(c.participantIds).toContain(owner.id);
      const partners = conversations
        .filter((c) => c.kind === 'direct')
        .map((c) => c.participantIds.find((id) => id !== owner.id));
      expect(new Set(partners).size).toBe(partners.length);
      for (const c of conversations.filter((c) => c.kind === 'direct')) expect(c.participantIds).toHaveLength(2);
    }
  });
});
