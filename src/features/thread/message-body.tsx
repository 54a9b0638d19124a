import { memo, useMemo } from 'react';
import type { MessageContent } from '../../contract/models';
import { sanitizeMessageHtml } from '../../lib/sanitize-html';

/** A message's text: its HTML through the sanitiser, or its plain text. */
export const MessageBody = memo(function MessageBody({ content }: { content: MessageContent | null | undefined }) {
  const html = useMemo(() => (content?.html ? sanitizeMessageHtml(content.html) : null), [content?.html]);
  if (html)
    return <div className="message-body break-words leading-relaxed" dangerouslySetInnerHTML={{ __html: html }} />;
  return <div className="message-body break-words whitespace-pre-wrap leading-relaxed">{content?.plain ?? ''}</div>;
});
