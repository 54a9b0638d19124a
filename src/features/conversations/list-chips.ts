/** The chips over the conversation list; apart from the rows' logic, so the loading frame draws them with no more code. */
export type ListChip = 'all' | 'unread' | 'direct' | 'groups' | 'private';

export const LIST_CHIPS: readonly { value: ListChip; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
  { value: 'direct', label: 'Direct' },
  { value: 'groups', label: 'Groups' },
  { value: 'private', label: 'Private' },
];
