import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'br',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'span',
];
const SAFE_URL = /^(https?:|mailto:)/i;

let configured = false;
function configure() {
  if (configured) return;
  configured = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.setAttribute('target', '_blank');
    }
    if (node.tagName === 'SPAN' && node.getAttribute('class') !== 'mention') node.removeAttribute('class');
  });
}

/**
 * Message HTML from a provider, made safe to render: a small allowlist of formatting tags, links only to
 * http(s) and mailto (opening in a new tab without access to this one), no styles, no images, no scripts.
 * Where the browser has Trusted Types, the answer is TrustedHTML from DOMPurify's policy, the only one the
 * page's policy allows, so no other string can reach an HTML sink.
 */
/** The same HTML always sanitises to the same result: recently shown messages render again without the parser. */
const recent = new Map<string, string | TrustedHTML>();
const RECENT = 2_000;

export function sanitizeMessageHtml(html: string): string | TrustedHTML {
  const known = recent.get(html);
  if (known !== undefined) return known;
  const clean = sanitize(html);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(html, clean);
  return clean;
}

function sanitize(html: string): string | TrustedHTML {
  configure();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'class'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_TRUSTED_TYPE: true,
  });
}
