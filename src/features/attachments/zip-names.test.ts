import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueNames } from './zip-names';

describe('safeFileName', () => {
  it('keeps a plain name', () => {
    expect(safeFileName('q3 roadmap (final).pdf')).toBe('q3 roadmap (final).pdf');
  });

  it('turns path separators and forbidden characters into underscores', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('C:\\temp\\a.txt')).toBe('C__temp_a.txt');
    expect(safeFileName('a\u0000b<c>.txt')).toBe('a_b_c_.txt');
  });

  it('never answers an empty, dot-only or device name', () => {
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('  ')).toBe('file');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('notes. ')).toBe('notes');
  });
});

describe('uniqueNames', () => {
  it('numbers the second and later of a name, before its extension', () => {
    expect(uniqueNames(['report.pdf', 'report.pdf', 'Report.PDF', 'notes'])).toEqual([
      'report.pdf',
      'report (2).pdf',
      'Report (3).PDF',
      'notes',
    ]);
  });

  it('skips a number a name already has', () => {
    expect(uniqueNames(['a.txt', 'a (2).txt', 'a.txt'])).toEqual(['a.txt', 'a (2).txt', 'a (3).txt']);
  });

  it('makes names unique after making them safe', () => {
    expect(uniqueNames(['x/y.txt', 'x_y.txt', ''])).toEqual(['x_y.txt', 'x_y (2).txt', 'file']);
  });
});

describe('a very long name', () => {
  it('is shortened before its extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('a.pdf')).toBe(true);
  });
});
