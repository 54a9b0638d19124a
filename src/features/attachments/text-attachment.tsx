import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { attachmentHeadQueries } from '../../api/attachments';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { attachmentName, PreviewCard } from './file-card';
import { useNearViewport } from './use-near-viewport';

/**
 * Text, CSV and JSON: the first ~2 KB as escaped text (React text in a `<pre>`, never HTML), with "…" when the
 * file goes on. Only those bytes are read; anything that is not plain UTF-8 text gets the file card alone.
 */
export function TextAttachment({ messageId, attachment }: { messageId: string; attachment: Attachment }) {
  const { accountId } = useAccount();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const name = attachmentName(attachment);
  const head = useQuery({
    ...attachmentHeadQueries.textHead(accountId, messageId, attachment.id ?? '', attachment.file_type),
    enabled: near && !!attachment.id,
  });

  return (
    <PreviewCard
      messageId={messageId}
      attachment={attachment}
      box={box}
      failed={head.isError || head.data === null}
      ready={!!head.data}
      className="h-[120px] bg-neutral-50 dark:bg-neutral-950"
    >
      {head.data ? (
        <pre
          data-testid="text-preview"
          tabIndex={0}
          role="region"
          aria-label={`Beginning of ${name}`}
          className="h-full overflow-auto px-3 py-2 font-mono text-[11px] leading-4 break-words whitespace-pre-wrap text-neutral-800 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset dark:text-neutral-200"
        >
          {head.data.text}
          {head.data.truncated ? '…' : ''}
        </pre>
      ) : null}
    </PreviewCard>
  );
}
