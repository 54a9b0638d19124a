import type { Message } from '../contract/models';
import { sanitizeMessageHtml } from './sanitize-html';

const texts = new WeakMap<Message, string>();

/**
 * A message's text as the thread shows it: the text of its sanitised HTML, or its plain text. Parsed once per message
 * object (react-query keeps a message's object while it is unchanged).
 */
export function messageText(message: Message): string {
  const known = texts.get(message);
  if (known !== undefined) return known;
  const html = message.content?.html;
  let text = message.content?.plain ?? '';
  if (html) {
    // Sanitised first: what the thread renders, and a string the page's Trusted Types policy lets the parser take.
    const safe = sanitizeMessageHtml(html) as string;
    text = new DOMParser().parseFromString(safe, 'text/html').body.textContent ?? '';
  }
  texts.set(message, text);
  return text;
}
