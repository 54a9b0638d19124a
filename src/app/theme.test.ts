// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTheme } from './theme';

const bars = () =>
  [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].map((meta) => meta.content);

beforeEach(() => {
  document.head.innerHTML =
    '<meta name="theme-color" media="(prefers-color-scheme: light)" content="#f5f5f5" />' +
    '<meta name="theme-color" media="(prefers-color-scheme: dark)" content="#171717" />';
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
});

describe('the theme', () => {
  it("colours the browser's bars as chosen on the rail, and as the system says when it follows the system", () => {
    setTheme('dark');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(bars()).toEqual(['#171717', '#171717']);
    setTheme('light');
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(bars()).toEqual(['#f5f5f5', '#f5f5f5']);
    setTheme('system');
    expect(bars()).toEqual(['#f5f5f5', '#171717']);
  });
});
