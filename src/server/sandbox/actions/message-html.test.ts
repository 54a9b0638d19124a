import { describe, expect, it } from 'vitest';
import { messageHtml } from './message-html';

describe('messageHtml', () => {
  it('renders what was typed as a provider would: Markdown, escaped HTML, safe links', () => {
    expect(messageHtml('*hi* <i>x</i> https://example.com')).toBe(
      '<p><em>hi</em> &lt;i&gt;x&lt;/i&gt; <a href="https://example.com">https://example.com</a></p>',
    );
  });

  it('marks only the people given as mentions', () => {
    expect(messageHtml('@Grace Hopper and @Alan', ['Grace Hopper'])).toBe(
      '<p><span class="mention">@Grace Hopper</span> and @Alan</p>',
    );
  });
});
