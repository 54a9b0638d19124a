import { renderMarkdown } from '../../../contract/markdown';

/**
 * The HTML a provider would store for a sent message: its Markdown rendered (raw HTML escaped, safe links only),
 * with `@Name` marked as a mention where Name is one of the people given.
 */
export function messageHtml(text: string, people: readonly string[] = []): string {
  return renderMarkdown(text, { mentions: people });
}
