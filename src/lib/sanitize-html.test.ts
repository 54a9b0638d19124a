// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeMessageHtml } from './sanitize-html';

describe('sanitizeMessageHtml', () => {
  it('keeps formatting, code and safe links', () => {
    const html = sanitizeMessageHtml(
      '<p><strong>Ship</strong> <em>it</em> <code>x()</code> <a href="https://example.com">docs</a></p>',
    );
    expect(html).toBe(
      '<p><strong>Ship</strong> <em>it</em> <code>x()</code> <a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">docs</a></p>',
    );
  });

  it('removes scripts, event handlers, styles, images and iframes', () => {
    const html = sanitizeMessageHtml(
      '<p style="color:red" onclick="alert(1)">hi<script>alert(1)</script><img src="https://tracker.example/x.png" onerror="alert(2)"><iframe src="https://evil.example"></iframe></p>',
    );
    expect(html).toBe('<p>hi</p>');
  });

  it('drops javascript: and data: links but keeps their text', () => {
    expect(sanitizeMessageHtml('<a href="javascript:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(sanitizeMessageHtml('<a href=" data:text/html,<b>">y</a>')).not.toContain('data:');
    expect(sanitizeMessageHtml('<a href="mailto:a@b.c">mail</a>')).toContain('href="mailto:a@b.c"');
  });

  it('keeps the mention class and nothing else', () => {
    expect(sanitizeMessageHtml('<span class="mention">@Ada</span><span class="x" id="y">z</span>')).toBe(
      '<span class="mention">@Ada</span><span>z</span>',
    );
  });
});
