import type { User } from '../../contract/models';
import { matchScore, queryTokens } from '../../contract/text-match';

/** Someone who can be offered in the picker: a user with an id. */
export type Person = User & { id: string };

/** At most this many people are listed at once; typing narrows the rest. */
export const MAX_SHOWN = 50;

export const personName = (user: User | undefined): string =>
  user?.name?.trim() ||
  [user?.first_name, user?.last_name].filter(Boolean).join(' ') ||
  user?.username ||
  user?.email ||
  'Unknown user';

export const isInactive = (user: User): boolean => user.active === false;

function score(user: User, tokens: readonly string[]): number {
  const scores = [
    matchScore(personName(user), tokens),
    matchScore(user.username ?? '', tokens),
    matchScore(user.email ?? '', tokens),
  ].filter((value) => value >= 0);
  if (scores.length > 0) return Math.min(...scores);
  // Words spread over the fields ("ada acme"): a weaker match.
  const all = matchScore([personName(user), user.username, user.email].filter(Boolean).join(' '), tokens);
  return all >= 0 ? all + 3 : -1;
}

export interface PeopleSearch {
  /** Who to list, best first, at most `limit`. */
  shown: Person[];
  /** How many matched in all. */
  total: number;
}

/**
 * The people the picker offers for a query: from the directory, never the account's own user
 * (who always joins) nor anyone already chosen; by name, username or email, accents ignored, a
 * leading "@" meaning a username; best match first, people before bots on a tie. Inactive people
 * are listed (marked, not selectable) after everyone who can be added.
 */
export function searchPeople(
  users: readonly User[],
  query: string,
  exclude: ReadonlySet<string>,
  limit = MAX_SHOWN,
): PeopleSearch {
  const tokens = queryTokens(query).map((token) => token.replace(/^@(?=.)/, ''));
  const candidates = users.filter((user): user is Person => Boolean(user.id) && !exclude.has(user.id!));
  const matched = candidates
    .map((user) => ({ user, score: tokens.length === 0 ? 0 : score(user, tokens) }))
    .filter((entry) => entry.score >= 0)
    .sort(
      (a, b) =>
        Number(isInactive(a.user)) - Number(isInactive(b.user)) ||
        a.score - b.score ||
        Number(a.user.bot === true) - Number(b.user.bot === true) ||
        personName(a.user).localeCompare(personName(b.user)),
    );
  return { shown: matched.slice(0, limit).map((entry) => entry.user), total: matched.length };
}
