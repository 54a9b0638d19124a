import * as z from 'zod/mini';
import { type User, UserSchema } from './models';
import { foldText, matchFolded, queryTokens } from './text-match';

/**
 * The people directory's extension endpoint, `GET /api/inbox/people`: the server walks an account's directory
 * once and keeps it fresh, and the browser asks it for the people it shows (by id or email) and searches there.
 */
export const PEOPLE_PATH = '/inbox/people';
/** Ids asked for in one look-up, and people listed in one search answer, at most. */
export const PEOPLE_BATCH = 100;
export const MAX_PEOPLE_QUERY = 200;

/** `?id=…&id=…` or `?email=…`: the people found, and the ids the directory does not know. */
export const PeopleLookupSchema = z.object({
  data: z.array(UserSchema),
  missing: z.array(z.string()),
});

/** `?q=…&limit=…&offset=…&exclude=…`: the best matches, how many matched, and whether the whole directory was searched. */
export const PeopleSearchSchema = z.object({
  data: z.array(UserSchema),
  total: z.number(),
  complete: z.boolean(),
});

export type PeopleLookup = z.infer<typeof PeopleLookupSchema>;
export type PeopleSearch = z.infer<typeof PeopleSearchSchema>;

/** What a person may be named by: a user of the directory, or a message's author. */
export interface Nameable {
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  email?: string | null;
}

/** The one name a person goes by, in every view: their name, else first and last name, username or email. */
export const personName = (user: Nameable | undefined | null): string =>
  user?.name?.trim() ||
  [user?.first_name, user?.last_name].filter(Boolean).join(' ') ||
  user?.username ||
  user?.email ||
  'Unknown user';

/** "@ada" for a username, or the username as it is when it already reads like an address (Teams). */
export function handle(username: string): string {
  return username.includes('@') ? username : `@${username}`;
}

/** A person's handle, else their email: the line under their name where there is one. */
export const handleOrEmail = (user: Nameable): string => (user.username ? handle(user.username) : (user.email ?? ''));

/** A person made ready for searching: the fields folded once. */
export interface IndexedPerson {
  user: User & { id: string };
  name: string;
  fields: [name: string, username: string, email: string];
  all: string;
}

export function indexPerson(user: User & { id: string }): IndexedPerson {
  const name = personName(user);
  const fields: IndexedPerson['fields'] = [foldText(name), foldText(user.username ?? ''), foldText(user.email ?? '')];
  return { user, name, fields, all: fields.filter(Boolean).join(' ') };
}

function score(person: IndexedPerson, tokens: readonly string[]): number {
  let best = -1;
  for (const field of person.fields) {
    const value = field ? matchFolded(field, tokens) : -1;
    if (value >= 0 && (best < 0 || value < best)) best = value;
  }
  if (best >= 0) return best;
  // Words spread over the fields ("ada acme"): a weaker match.
  const all = matchFolded(person.all, tokens);
  return all >= 0 ? all + 3 : -1;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** People in the order a directory lists them: by name. */
export function byName(people: IndexedPerson[]): IndexedPerson[] {
  return people.sort((a, b) => collator.compare(a.name, b.name) || (a.user.id < b.user.id ? -1 : 1));
}

const inactive = (user: User) => user.active === false;

/**
 * The people matching a query, best first: by name, username or email, accents ignored, a leading "@" meaning a
 * username; people before bots on a tie, the inactive after everyone else, otherwise in the order given (the
 * directory's, by name: see `byName`). An empty query lists everyone.
 */
export function rankPeople(
  people: Iterable<IndexedPerson>,
  query: string,
  options: { exclude?: ReadonlySet<string>; limit: number; offset?: number },
): { shown: (User & { id: string })[]; total: number } {
  const tokens = queryTokens(query).map((token) => token.replace(/^@(?=.)/, ''));
  const matched: { person: IndexedPerson; score: number }[] = [];
  for (const person of people) {
    if (options.exclude?.has(person.user.id)) continue;
    const value = tokens.length === 0 ? 0 : score(person, tokens);
    if (value >= 0) matched.push({ person, score: value });
  }
  matched.sort(
    (a, b) =>
      Number(inactive(a.person.user)) - Number(inactive(b.person.user)) ||
      a.score - b.score ||
      Number(a.person.user.bot === true) - Number(b.person.user.bot === true),
  );
  const offset = options.offset ?? 0;
  return {
    shown: matched.slice(offset, offset + options.limit).map((entry) => entry.person.user),
    total: matched.length,
  };
}
