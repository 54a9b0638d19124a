// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/models';
import { findMatches, findNeedle, foldWithMap, occurrencesIn } from './find-matches';

const item = (id: string, plain: string | null, html: string | null = null) => ({
  id,
  message: { id, content: { plain, html } } as Message,
});

describe('find in conversation', () => {
  it('folds the search: case, accents and runs of spaces do not matter', () => {
    expect(findNeedle('  Zoë   ÉQUIPE ')).toBe('zoe equipe');
    expect(findNeedle('   ')).toBe('');
  });

  it('maps a match in folded text back to the original characters', () => {
    const text = 'Ask ZOË about the Équipe\nplan, then zoe again';
    const found = occurrencesIn(foldWithMap(text), 'zoe');
    expect(found.map(([start, end]) => text.slice(start, end))).toEqual(['ZOË', 'zoe']);
    const decomposed = 'cafe\u0301 and café';
    expect(occurrencesIn(foldWithMap(decomposed), 'cafe').map(([s, e]) => decomposed.slice(s, e))).toEqual([
      'cafe',
      'café',
    ]);
    expect(occurrencesIn(foldWithMap('the plan'), 'e p').map(([s, e]) => [s, e])).toEqual([[2, 5]]);
  });

  it('lists every occurrence newest first, each message from its last occurrence up', () => {
    const items = [
      item('old', 'Plan A, then plan B'),
      item('mid', 'nothing here'),
      item('new', null, '<p>The <strong>PLAN</strong> is <em>plán</em></p><script>plan</script>'),
    ];
    expect(findMatches(items, findNeedle('plan'))).toEqual([
      { messageId: 'new', occurrence: 1 },
      { messageId: 'new', occurrence: 0 },
      { messageId: 'old', occurrence: 1 },
      { messageId: 'old', occurrence: 0 },
    ]);
    expect(findMatches(items, '')).toEqual([]);
  });
});
