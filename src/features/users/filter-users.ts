import type { User } from '../../contract/models';

/** Lower case without accents, so "chloe" finds "Chloé". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** People whose name, username or email contain every word of the query (in any order). */
export function filterUsers(users: readonly User[], query: string): User[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...users];
  return users.filter((user) => {
    const haystack = fold([user.name, user.username, user.email].filter(Boolean).join(' '));
    // A leading "@" means a username; the stored username has none.
    return words.every((word) => haystack.includes(word.replace(/^@(?=.)/, '')));
  });
}

export const displayName = (user: User): string =>
  user.name?.trim() || [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || 'Unknown user';
