import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders the inline subset: bold, italic, strike and code, leaving words with underscores alone', () => {
    expect(renderMarkdown('**b** __b__ *i* _i_ ~~s~~ `c` snake_case_name')).toBe(
      '<p><strong>b</strong> <strong>b</strong> <em>i</em> <em>i</em> <s>s</s> <code>c</code> snake_case_name</p>',
    );
  });

  it('renders fenced code blocks with their HTML escaped', () => {
    expect(renderMarkdown('```\nif (a < b) <b>x</b>\n```')).toBe(
      '<pre><code>if (a &lt; b) &lt;b&gt;x&lt;/b&gt;\n</code></pre>',
    );
  });

  it('renders bulleted and numbered lists, also right under a line of text', () => {
    expect(renderMarkdown('Todo:\n- a\n- b\n\n1. x\n2. y').replace(/\n/g, '')).toBe(
      '<p>Todo:</p><ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>',
    );
  });

  it('keeps single line breaks and splits paragraphs on blank lines', () => {
    expect(renderMarkdown('one\ntwo\n\nthree').replace(/\n/g, '')).toBe('<p>one<br>two</p><p>three</p>');
  });

  it('renders block quotes', () => {
    expect(renderMarkdown('> said').replace(/\n/g, '')).toBe('<blockquote><p>said</p></blockquote>');
  });

  it('links http(s) and mailto, written or bare, and nothing else', () => {
    expect(
      renderMarkdown(
        '[docs](https://example.com/a) see https://example.com/b. [x](javascript:alert(1)) [m](mailto:a@example.com)',
      ),
    ).toBe(
      '<p><a href="https://example.com/a">docs</a> see <a href="https://example.com/b">https://example.com/b</a>. [x](javascript:alert(1)) <a href="mailto:a@example.com">m</a></p>',
    );
    expect(renderMarkdown('[x](data:text/html,hi) ftp://example.com')).not.toContain('<a');
  });

  it('escapes raw HTML and entities as typed', () => {
    expect(renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> &amp;')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp;amp;</p>',
    );
  });

  it('leaves headings, tables and indented code as the text they were', () => {
    expect(renderMarkdown('# not a heading')).toBe('<p># not a heading</p>');
    expect(renderMarkdown('a | b\n--|--\n1 | 2')).not.toContain('<table');
  });

  it('marks known people mentioned as @Name, the longest name first, outside code and links', () => {
    const html = renderMarkdown('hi @Ada Lovelace, @Ada and @Adam; a@Ada `@Ada` [@Ada](https://example.com)', {
      mentions: ['Ada', 'Ada Lovelace'],
    });
    expect(html).toBe(
      '<p>hi <span class="mention">@Ada Lovelace</span>, <span class="mention">@Ada</span> and @Adam; a@Ada <code>@Ada</code> <a href="https://example.com">@Ada</a></p>',
    );
  });

  it('escapes a mentioned name and leaves @ alone when no one is known', () => {
    expect(renderMarkdown('@<Bo> hi', { mentions: ['<Bo>'] })).toBe(
      '<p><span class="mention">@&lt;Bo&gt;</span> hi</p>',
    );
    expect(renderMarkdown('@Ada hi')).toBe('<p>@Ada hi</p>');
  });
});
