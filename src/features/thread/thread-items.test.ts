import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/models';
import { buildThread, firstUnreadId } from './thread-items';

const ada = { id: 'u1', name: 'Ada' };
const bob = { id: 'u2', name: 'Bob' };
const msg = (id: string, at: string, author = ada, parent?: string): Message => ({
  id,
  created_at: at,
  author,
  content: { plain: id },
  parent_message_id: parent ?? null,
});

describe('buildThread', () => {
  it('reads oldest first across newest-first pages and drops duplicates', () => {
    const pages = [
      { data: [msg('m4', '2026-03-03T10:04:00Z'), msg('m3', '2026-03-03T10:03:00Z')] },
      {
        data: [msg('m3', '2026-03-03T10:03:00Z'), msg('m2', '2026-03-03T10:02:00Z'), msg('m1', '2026-03-03T10:01:00Z')],
      },
    ];
    expect(buildThread(pages).items.map((i) => i.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('groups one author’s messages within five minutes and starts days and groups where they change', () => {
    const { items } = buildThread([
      {
        data: [
          msg('m5', '2026-03-04T09:00:00Z'),
          msg('m4', '2026-03-03T10:20:00Z'),
          msg('m3', '2026-03-03T10:03:00Z', bob),
          msg('m2', '2026-03-03T10:02:00Z'),
          msg('m1', '2026-03-03T10:00:00Z'),
        ],
      },
    ]);
    expect(items.map((i) => [i.id, i.startsDay, i.startsGroup])).toEqual([
      ['m1', true, true],
      ['m2', false, false],
      ['m3', false, true],
      ['m4', false, true],
      ['m5', true, true],
    ]);
  });

  it('collects loaded replies under their parent', () => {
    const { replies, items } = buildThread([
      {
        data: [
          msg('r2', '2026-03-03T10:05:00Z', bob, 'm1'),
          msg('r1', '2026-03-03T10:01:00Z', bob, 'm1'),
          msg('m1', '2026-03-03T10:00:00Z'),
        ],
      },
    ]);
    expect(replies.get('m1')?.map((m) => m.id)).toEqual(['r1', 'r2']);
    expect(items.find((i) => i.id === 'r1')?.startsGroup).toBe(true);
  });
});

describe('firstUnreadId', () => {
  const items = buildThread([
    {
      data: [
        msg('m4', '2026-03-03T10:04:00Z', bob),
        msg('m3', '2026-03-03T10:03:00Z', ada),
        msg('m2', '2026-03-03T10:02:00Z', bob),
        msg('m1', '2026-03-03T10:01:00Z', bob),
      ],
    },
  ]).items;

  it('is the first message after the mark that someone else wrote', () => {
    expect(firstUnreadId(items, '2026-03-03T10:01:30Z', 'u1')).toBe('m2');
    expect(firstUnreadId(items, '2026-03-03T10:02:00Z', 'u1')).toBe('m4');
  });

  it('is none when all is seen, or when there is no mark', () => {
    expect(firstUnreadId(items, '2026-03-03T10:04:00Z', 'u1')).toBeNull();
    expect(firstUnreadId(items, undefined, 'u1')).toBeNull();
  });
});
