import { describe, expect, it } from 'vitest';
import { foldText, matchScore, queryTokens } from './text-match';

describe('foldText', () => {
  it('drops case and accents', () => {
    expect(foldText('Zoë ÉQUIPE Øre')).toBe('zoe equipe øre');
  });
});

describe('queryTokens', () => {
  it('splits on any whitespace and ignores blanks', () => {
    expect(queryTokens('  Ada   LOVE\t')).toEqual(['ada', 'love']);
    expect(queryTokens('   ')).toEqual([]);
  });
});

describe('matchScore', () => {
  it('ranks a start of text before a start of word before anything else', () => {
    expect(matchScore('eng-frontend', ['eng'])).toBe(0);
    expect(matchScore('eng-frontend', ['front'])).toBe(1);
    expect(matchScore('eng-frontend', ['ront'])).toBe(2);
  });

  it('needs every token, in any order', () => {
    expect(matchScore('Ada Lovelace', ['love', 'ada'])).toBe(1);
    expect(matchScore('Ada Lovelace', ['ada', 'hopper'])).toBe(-1);
  });

  it('finds a word start after an earlier mid-word hit', () => {
    expect(matchScore('banana ana', ['ana'])).toBe(1);
  });

  it('matches everything with no tokens', () => {
    expect(matchScore('anything', [])).toBe(0);
  });

  it('ignores accents on both sides', () => {
    expect(matchScore('Zoë Martín', ['martin'])).toBe(1);
    expect(matchScore('Zoe Martin', queryTokens('Zoë'))).toBe(0);
  });
});
