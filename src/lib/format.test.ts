import { describe, expect, it } from 'vitest';
import { avatarHue, initials } from './avatar';
import { formatSize } from './format-size';
import { relativeTime } from './format-time';

describe('formatting', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('gives short relative times', () => {
    expect(relativeTime('2026-03-10T11:59:30Z', now)).toBe('now');
    expect(relativeTime('2026-03-10T11:58:00Z', now)).toBe('2m');
    expect(relativeTime('2026-03-10T09:00:00Z', now)).toBe('3h');
    expect(relativeTime('2026-03-07T12:00:00Z', now)).toBe('3d');
    expect(relativeTime(null, now)).toBe('');
    expect(relativeTime('not a date', now)).toBe('');
  });

  it('gives human sizes', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(999)).toBe('999 B');
    expect(formatSize(1_234)).toBe('1.2 KB');
    expect(formatSize(53_217_743)).toBe('53 MB');
    expect(formatSize(null)).toBe('');
  });

  it('makes initials and stable colours', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('github')).toBe('G');
    expect(initials('  ')).toBe('?');
    expect(initials('Émile Zola Jr')).toBe('ÉJ');
    expect(avatarHue('u1')).toBe(avatarHue('u1'));
  });
});
