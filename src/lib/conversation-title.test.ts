import { describe, expect, it } from 'vitest';
import { conversationKind, conversationTitle, titlePeople } from './conversation-title';

const users = new Map([
  ['me', { id: 'me', name: 'Me Myself', email: 'me@acme.test' }],
  ['u1', { id: 'u1', name: 'Ada Lovelace' }],
  ['u2', { id: 'u2', name: 'Grace Hopper' }],
  ['u3', { id: 'u3', name: 'Alan Turing' }],
  ['u4', { id: 'u4', name: 'Edsger Dijkstra' }],
]);

describe('conversation titles', () => {
  it('uses the name when there is one', () => {
    expect(conversationTitle({ name: 'general', participants: ['me', 'u1'] }, users, 'me')).toBe('general');
  });

  it('names direct and group conversations after the other people', () => {
    expect(conversationTitle({ participants: ['me', 'u1'] }, users, 'me')).toBe('Ada Lovelace');
    expect(conversationTitle({ participants: ['me', 'u1', 'u2'] }, users, 'me')).toBe('Ada Lovelace, Grace Hopper');
    expect(conversationTitle({ participants: ['me', 'u1', 'u2', 'u3', 'u4'] }, users, 'me')).toBe(
      'Ada Lovelace, Grace Hopper, Alan Turing and 1 more',
    );
    expect(conversationTitle({ participants: ['me', 'ghost'] }, users, 'me')).toBe('Unknown user');
    expect(conversationTitle({ participants: ['me'] }, users, 'me')).toBe('Me Myself');
  });

  it('names the people who title conversations without a name', () => {
    expect(titlePeople([{ name: 'general', participants: ['a'] }, { participants: ['me', 'b'] }, {}])).toEqual([
      'me',
      'b',
    ]);
  });

  it('tells the kinds apart', () => {
    expect(conversationKind({ name: 'x', private: true })).toBe('private');
    expect(conversationKind({ name: 'x', private: false })).toBe('channel');
    expect(conversationKind({ participants: ['a', 'b'] })).toBe('direct');
    expect(conversationKind({ participants: ['a', 'b', 'c'] })).toBe('group');
  });
});
