import { describe, expect, it } from 'vitest';
import type { Conversation, User } from '../../contract/models';
import { filterRows, matchesChip, rowSubtitle, toRows } from './conversation-rows';

const users = new Map<string, User>([
  ['me', { id: 'me', name: 'Kenji Chen', first_name: 'Kenji' }],
  ['ada', { id: 'ada', name: 'Ada Lovelace', first_name: 'Ada' }],
  ['zoe', { id: 'zoe', name: 'Zoë Martín', first_name: 'Zoë' }],
  ['grace', { id: 'grace', name: 'Grace Hopper', first_name: 'Grace' }],
]);

const conversations: Conversation[] = [
  {
    id: 'c1',
    name: 'eng-frontend',
    private: false,
    participants: ['me', 'ada', 'zoe'],
    last_message_at: '2026-03-03T10:00:00Z',
  },
  { id: 'c2', name: null, private: true, participants: ['me', 'ada'], last_message_at: '2026-03-03T09:00:00Z' },
  {
    id: 'c3',
    name: 'leadership',
    private: true,
    participants: ['me', 'grace'],
    last_message_at: '2026-03-02T09:00:00Z',
  },
  { id: 'c4', name: null, participants: ['me', 'zoe', 'grace'], last_message_at: '2026-03-01T09:00:00Z' },
  { id: 'c2', name: null, participants: ['me', 'ada'], last_message_at: '2026-03-03T09:00:00Z' },
  { name: 'no id' },
];

const seen = { '*': '2026-03-02T12:00:00Z', c2: '2026-03-03T09:00:00Z' };
const rows = toRows(conversations, { usersById: users, selfId: 'me', seen, namesPending: false });
const ids = (list: readonly { id: string }[]) => list.map((row) => row.id);

describe('toRows', () => {
  it('keeps the order, each conversation once, and drops those without an id', () => {
    expect(ids(rows)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('titles, kinds and unread state come from the conversation, the directory and what was seen', () => {
    expect(rows.map((row) => [row.title, row.kind, row.unread])).toEqual([
      ['eng-frontend', 'channel', true],
      ['Ada Lovelace', 'direct', false],
      ['leadership', 'private', false],
      ['Zoë Martín, Grace Hopper', 'group', false],
    ]);
  });

  it('gives a direct message the other person’s avatar, a channel its words’ initials, a group its first two people', () => {
    expect(rows.map((row) => [row.avatarId, row.avatarName])).toEqual([
      ['c1', 'eng frontend'],
      ['ada', 'Ada Lovelace'],
      ['c3', 'leadership'],
      ['c4', 'Zoë Grace'],
    ]);
  });

  it('marks unnamed titles as pending while the directory loads', () => {
    const pending = toRows(conversations, { usersById: undefined, selfId: null, seen, namesPending: true });
    expect(pending.map((row) => row.titlePending)).toEqual([false, true, false, true]);
  });
});

describe('filterRows', () => {
  it('returns the same rows when nothing filters', () => {
    expect(filterRows(rows, '  ', 'all')).toBe(rows);
  });

  it('matches every word of the query in the title, ignoring case and accents, in list order', () => {
    expect(ids(filterRows(rows, 'ENG', 'all'))).toEqual(['c1']);
    expect(ids(filterRows(rows, 'martin', 'all'))).toEqual(['c4']);
    expect(ids(filterRows(rows, 'hopper zoe', 'all'))).toEqual(['c4']);
    expect(ids(filterRows(rows, 'e', 'all'))).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(filterRows(rows, 'nobody', 'all')).toEqual([]);
  });

  it('keeps the open conversation under Unread once it is read, and nowhere else it does not belong', () => {
    expect(ids(filterRows(rows, '', 'unread', 'c2'))).toEqual(['c1', 'c2']);
    expect(ids(filterRows(rows, 'eng', 'unread', 'c2'))).toEqual(['c1']);
    expect(ids(filterRows(rows, '', 'private', 'c2'))).toEqual(['c3']);
  });

  it('combines the query with a chip', () => {
    expect(ids(filterRows(rows, 'e', 'private'))).toEqual(['c3']);
    expect(ids(filterRows(rows, 'ada', 'groups'))).toEqual([]);
  });
});

describe('matchesChip', () => {
  const pick = (chip: Parameters<typeof matchesChip>[1]) => ids(rows.filter((row) => matchesChip(row, chip)));
  it('Unread, Direct, Groups (group messages, not channels) and Private (locked channels)', () => {
    expect(pick('unread')).toEqual(['c1']);
    expect(pick('direct')).toEqual(['c2']);
    expect(pick('groups')).toEqual(['c4']);
    expect(pick('private')).toEqual(['c3']);
  });
});

describe('rowSubtitle', () => {
  it('says what kind of conversation a row is', () => {
    expect(rows.map(rowSubtitle)).toEqual([
      'Channel · 3 members',
      'Direct message',
      'Private channel · 2 members',
      'Group message · 3 people',
    ]);
  });
});
