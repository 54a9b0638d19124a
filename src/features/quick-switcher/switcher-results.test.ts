import { describe, expect, it } from 'vitest';
import type { Conversation, Message, User } from '../../contract/models';
import { conversationResults, MAX_RESULTS, messageResults, personResult, searchSwitcher } from './switcher-results';

const people: (User & { id: string })[] = [
  { id: 'me', name: 'Kenji Chen', username: 'kenji.chen', email: 'kenji@acme.test' },
  { id: 'ada', name: 'Ada Lovelace', username: 'ada', email: 'ada.lovelace@acme.test' },
  { id: 'bot', name: 'Deploy Bot', username: 'deploybot', email: 'deploy@acme.test', bot: true },
  { id: 'old', name: 'Grace Hopper', username: 'grace', email: 'grace@acme.test', active: false },
  { id: 'lorna', name: 'Lorna Adams', username: 'lorna', email: 'lorna@acme.test' },
];
const byId = new Map(people.map((user) => [user.id, user]));

const conversations: Conversation[] = [
  { id: 'c1', name: 'general', participants: ['me', 'ada', 'old'] },
  { id: 'c2', name: null, private: true, participants: ['me', 'ada'] },
  { id: 'c3', name: 'deploys', private: true, participants: ['me', 'bot'] },
  { id: 'c4', name: null, participants: ['me', 'ada', 'old'] },
  { id: 'c1', name: 'general', participants: [] },
];

const entries = conversationResults(conversations, byId, 'me');
const directory = people.map(personResult);
const titles = (query: string, limit?: number) =>
  searchSwitcher(entries, directory, query, limit).map((r) => `${r.type}:${r.title}`);

describe('conversationResults', () => {
  it('titles each conversation once, with its kind as a muted second line and the other person of a direct message', () => {
    expect(entries.map((e) => [e.id, e.title, e.subtitle, e.personId])).toEqual([
      ['c1', 'general', 'Channel', null],
      ['c2', 'Ada Lovelace', 'Direct message', 'ada'],
      ['c3', 'deploys', 'Private channel', null],
      ['c4', 'Ada Lovelace, Grace Hopper', 'Group message · 3 people', null],
    ]);
  });
});

describe('personResult', () => {
  it('shows the username and marks bots and deactivated people', () => {
    expect(directory.map((p) => p.subtitle)).toEqual([
      '@kenji.chen',
      '@ada',
      '@deploybot · Bot',
      '@grace · Deactivated',
      '@lorna',
    ]);
  });
});

describe('searchSwitcher', () => {
  it('lists the most recent conversations for an empty query', () => {
    expect(titles('')).toEqual([
      'conversation:general',
      'conversation:Ada Lovelace',
      'conversation:deploys',
      'conversation:Ada Lovelace, Grace Hopper',
    ]);
    expect(titles(' ', 2)).toEqual(['conversation:general', 'conversation:Ada Lovelace']);
  });

  it('puts conversations first, then people found by name, username or email, best match first', () => {
    expect(titles('ada')).toEqual([
      'conversation:Ada Lovelace',
      'conversation:Ada Lovelace, Grace Hopper',
      'person:Ada Lovelace',
      'person:Lorna Adams',
    ]);
    expect(titles('deploy')).toEqual(['conversation:deploys', 'person:Deploy Bot']);
    expect(titles('lovelace@')).toEqual(['person:Ada Lovelace']);
    expect(titles('GRACE')).toEqual(['conversation:Ada Lovelace, Grace Hopper', 'person:Grace Hopper']);
    expect(titles('nobody')).toEqual([]);
  });

  it('shows at most the limit, keeping places for people', () => {
    const many = conversationResults(
      Array.from({ length: 30 }, (_, i) => ({ id: `x${i}`, name: `ada-${i}` })),
      byId,
      'me',
    );
    const results = searchSwitcher(many, directory, 'ada');
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results.filter((r) => r.type === 'person').map((r) => r.title)).toEqual(['Ada Lovelace', 'Lorna Adams']);
    expect(searchSwitcher(many, [], 'ada')).toHaveLength(MAX_RESULTS);
  });
});

describe('messageResults', () => {
  const message = (id: string, at: string, plain: string, author = 'Ada Lovelace'): Message => ({
    id,
    created_at: at,
    author: { id: `u-${author}`, name: author },
    content: { plain, html: null },
  });
  const loaded = [
    { conversationId: 'c1', messages: [message('m2', '2026-03-02T10:00:00Z', 'The Zoë rollout is done')] },
    {
      conversationId: 'c2',
      messages: [
        message(
          'm3',
          '2026-03-03T10:00:00Z',
          `${'A long lead-in before the interesting part. '.repeat(3)}rollout soon`,
          'Grace',
        ),
        message('m1', '2026-03-01T10:00:00Z', 'nothing to see'),
      ],
    },
  ];
  const titles = new Map([['c1', 'general']]);
  const search = (query: string, limit?: number) =>
    messageResults(
      loaded,
      query,
      (m) => m.content?.plain ?? '',
      (id) => titles.get(id) ?? 'a conversation',
      limit,
    );

  it('finds messages holding every word, newest first, with author, conversation and a snippet around the match', () => {
    expect(search('ROLLOUT').map((r) => [r.id, r.title, r.subtitle])).toEqual([
      ['m3', 'Grace', 'a conversation'],
      ['m2', 'Ada Lovelace', 'general'],
    ]);
    expect(search('zoe rollout').map((r) => r.snippet)).toEqual(['The Zoë rollout is done']);
    const [far] = search('rollout soon');
    expect(far!.snippet.startsWith('…')).toBe(true);
    expect(far!.snippet).toContain('rollout soon');
    expect(search('rollout', 1)).toHaveLength(1);
  });

  it('needs a query of two characters or more', () => {
    expect(search('')).toEqual([]);
    expect(search('t')).toEqual([]);
  });
});
