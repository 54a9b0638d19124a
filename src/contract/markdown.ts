import MarkdownIt, { type StateCore, type Token } from 'markdown-it';

/**
 * The Markdown people type in Slack and Teams, rendered to the HTML a provider stores as `content.html`: bold,
 * italic, strike, inline code, fenced code blocks, lists, block quotes, links and bare URLs. Raw HTML comes out
 * escaped, only http(s) and mailto become links, single line breaks are kept, and the rest of Markdown (headings,
 * tables, images, indented code) stays the text it was. The sandbox stores what this renders and the composer's
 * preview shows the same, so the preview is what the thread will show.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
md.disable(['heading', 'lheading', 'hr', 'table', 'code', 'reference', 'html_block', 'html_inline', 'image', 'entity']);
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

const SAFE_LINK = /^(https?:|mailto:)/i;
md.validateLink = (url) => SAFE_LINK.test(url.trim());

type Env = { mention?: RegExp | null };

/** `@Name` for a known person, as `<span class="mention">@Name</span>`, outside links and code. */
function mentions(state: StateCore) {
  const pattern = (state.env as Env).mention;
  if (!pattern) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      if (token.type !== 'text' || inLink > 0) {
        out.push(token);
        continue;
      }
      let last = 0;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(token.content); match; match = pattern.exec(token.content)) {
        const at = match.index + match[1]!.length;
        if (at > last) out.push(textToken(state, token.content.slice(last, at)));
        const span = new state.Token('html_inline', '', 0);
        span.content = `<span class="mention">${md.utils.escapeHtml(match[2]!)}</span>`;
        out.push(span);
        last = at + match[2]!.length;
      }
      if (last === 0) out.push(token);
      else if (last < token.content.length) out.push(textToken(state, token.content.slice(last)));
    }
    block.children = out;
  }
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

md.core.ruler.push('mentions', mentions);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for the names that may be mentioned, the longest first so "Ada Lovelace" wins over "Ada". */
function mentionPattern(names: readonly string[]): RegExp | null {
  const known = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return null;
  return new RegExp(`(^|[^\\p{L}\\p{N}_@])(@(?:${known.map(escapeRegExp).join('|')}))(?![\\p{L}\\p{N}_])`, 'gu');
}

export interface RenderOptions {
  /** Names of people who may be mentioned as `@Name`: those become mention spans. */
  mentions?: readonly string[];
}

/** The message's HTML, from the Markdown that was typed. */
export function renderMarkdown(text: string, options: RenderOptions = {}): string {
  const env: Env = { mention: options.mentions ? mentionPattern(options.mentions) : null };
  return md.render(text, env).trim();
}
