import { describe, expect, it } from 'vitest';
import type { User } from './models';
import { byName, handle, handleOrEmail, indexPerson, personName, rankPeople } from './people';

const users: User[] = [
  { id: 'me', name: 'Kenji Chen', username: 'kenji.chen', email: 'kenji@acme.test' },
  { id: 'zoe', name: 'Zoë Müller', username: 'zoe.muller', email: 'zoe@acme.test' },
  { id: 'ada', name: 'Ada Lovelace', username: 'ada', email: 'ada.lovelace@acme.test' },
  { id: 'bot', name: 'Deploy Bot', username: 'deploybot', email: 'deploy@acme.test', bot: true },
  { id: 'old', name: 'Adam Old', username: 'adam', email: 'adam@acme.test', active: false },
  { id: 'lorna', name: 'Lorna Adams', username: 'lorna', email: 'lorna@acme.test' },
  { name: 'No Id' },
];
const directory = byName(
  users.filter((user): user is User & { id: string } => Boolean(user.id)).map((user) => indexPerson(user)),
);
const search = (query: string, exclude: string[] = ['me'], limit = 50, offset = 0) =>
  rankPeople(directory, query, { exclude: new Set(exclude), limit, offset });
const names = (query: string, exclude?: string[], limit?: number) =>
  search(query, exclude, limit).shown.map((user) => user.id);

describe('rankPeople', () => {
  it('lists everyone but you and the chosen: people, then bots, then the inactive', () => {
    expect(names('')).toEqual(['ada', 'lorna', 'zoe', 'bot', 'old']);
    expect(names('', ['me', 'ada'])).toEqual(['lorna', 'zoe', 'bot', 'old']);
  });

  it('finds by name, username or email, ignoring case and accents, best match first, the inactive last', () => {
    expect(names('zoe MULLER')).toEqual(['zoe']);
    expect(names('müll')).toEqual(['zoe']);
    expect(names('ada')).toEqual(['ada', 'lorna', 'old']);
    expect(names('@deploy')).toEqual(['bot']);
    expect(names('lovelace@acme')).toEqual(['ada']);
    expect(names('ada acme')).toEqual(['ada', 'lorna', 'old']);
    expect(names('kenji')).toEqual([]);
    expect(names('nobody')).toEqual([]);
  });

  it('shows at most the limit and counts the rest', () => {
    expect(search('', ['me'], 2)).toMatchObject({ total: 5 });
    expect(names('', ['me'], 2)).toEqual(['ada', 'lorna']);
    expect(search('', ['me'], 2, 2).shown.map((user) => user.id)).toEqual(['zoe', 'bot']);
  });
});

describe('personName', () => {
  it('falls back from the name to first and last name, username and email', () => {
    expect(personName({ name: '  ', first_name: 'Ada', last_name: 'L' })).toBe('Ada L');
    expect(personName({ username: 'ada' })).toBe('ada');
    expect(personName(undefined)).toBe('Unknown user');
  });
});

describe('handle', () => {
  it('puts @ before a username, but not before a Teams username that is already an address', () => {
    expect(handle('ada')).toBe('@ada');
    expect(handle('ada@contoso.com')).toBe('ada@contoso.com');
    expect(handleOrEmail({ username: 'ada@contoso.com', email: 'ada@contoso.com' })).toBe('ada@contoso.com');
    expect(handleOrEmail({ email: 'grace@example.com' })).toBe('grace@example.com');
    expect(handleOrEmail({ name: 'Nobody' })).toBe('');
  });

  it('names a message author as the directory names the person', () => {
    expect(personName({ name: null, email: 'grace@example.com' })).toBe('grace@example.com');
  });
});
