import type { DemoWorkspace } from './demo-content';

/**
 * The linked account belongs to one person, so the inbox is theirs: they are in every channel and group,
 * and direct conversations are theirs with someone else. Returns the workspace's conversations adjusted
 * so, keeping each conversation's id, kind and weight.
 */
export function centreOnOwner(workspace: DemoWorkspace, ownerId: string): DemoWorkspace['conversations'] {
  const others = workspace.users.filter((user) => user.id !== ownerId && user.active).map((user) => user.id);
  const pairs = new Set<string>();
  let next = 0;
  return workspace.conversations.map((conversation) => {
    const participants = conversation.participantIds;
    if (conversation.kind !== 'direct') {
      return participants.includes(ownerId)
        ? conversation
        : { ...conversation, participantIds: [ownerId, ...participants] };
    }
    // A direct conversation with the owner and someone not yet talked to directly.
    let partner = participants.find((id) => id !== ownerId && !pairs.has(id));
    while (partner === undefined && next < others.length) {
      const candidate = others[next++]!;
      if (!pairs.has(candidate)) partner = candidate;
    }
    if (partner === undefined) return conversation;
    pairs.add(partner);
    return { ...conversation, participantIds: [ownerId, partner] };
  });
}
