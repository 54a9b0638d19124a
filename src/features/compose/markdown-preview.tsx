import { useMemo } from 'react';
import { renderMarkdown } from '../../contract/markdown';
import { sanitizeMessageHtml } from '../../lib/sanitize-html';
import { type EmojiSet, replaceShortcodes } from './emoji';

/** The message as the thread will show it: the same renderer the sandbox stores, through the same sanitiser. */
export function MarkdownPreview({
  text,
  mentions,
  emoji,
}: {
  text: string;
  mentions: readonly string[];
  emoji: EmojiSet | null;
}) {
  const html = useMemo(() => {
    const sent = emoji ? replaceShortcodes(text, emoji) : text;
    return sent.trim() ? sanitizeMessageHtml(renderMarkdown(sent, { mentions })) : null;
  }, [text, mentions, emoji]);
  if (!html) return <p className="text-[13px] text-neutral-600 dark:text-neutral-400">Nothing to preview yet.</p>;
  return <div className="message-body break-words leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />;
}
