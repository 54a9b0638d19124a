import { describe, expect, it } from 'vitest';
import type { User } from '../../contract/models';
import { displayName, filterUsers } from './filter-users';

const people: User[] = [
  { id: '1', name: 'Chloé Martin', username: 'chloe.martin', email: 'chloe@acme.test' },
  { id: '2', name: 'GitHub', username: 'github', email: 'noreply@github.test', bot: true },
  { id: '3', name: 'Ada Lovelace', username: 'ada', email: 'countess@engines.test' },
];

describe('filterUsers', () => {
  it('keeps everyone for an empty query', () => {
    expect(filterUsers(people, '  ')).toHaveLength(3);
  });

  it('matches name, username and email, ignoring case and accents', () => {
    expect(filterUsers(people, 'CHLOE').map((u) => u.id)).toEqual(['1']);
    expect(filterUsers(people, '@git').map((u) => u.id)).toEqual(['2']);
    expect(filterUsers(people, 'countess').map((u) => u.id)).toEqual(['3']);
  });

  it('needs every word to match', () => {
    expect(filterUsers(people, 'ada engines').map((u) => u.id)).toEqual(['3']);
    expect(filterUsers(people, 'ada github')).toEqual([]);
  });
});

describe('displayName', () => {
  it('falls back to first and last name, then the username', () => {
    expect(displayName({ first_name: 'Grace', last_name: 'Hopper' })).toBe('Grace Hopper');
    expect(displayName({ username: 'grace' })).toBe('grace');
    expect(displayName({})).toBe('Unknown user');
  });
});
