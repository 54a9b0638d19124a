import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { attachmentHeadQueries } from '../../api/attachments';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { CsvTable } from './csv-table';
import { attachmentName, PreviewCard } from './file-card';
import { TextViewer } from './text-viewer';
import { useNearViewport } from './use-near-viewport';

const isCsv = (attachment: Attachment) =>
  /^text\/csv\b/i.test(attachment.file_type ?? '') || /\.csv$/i.test(attachment.file_name ?? '');

/**
 * Text, CSV and JSON: the first ~2 KB, as escaped text (React text in a `<pre>`, never HTML) or, for CSV, as a table
 * of its first rows; "Show all" opens the whole file. Only those bytes are read; anything that is not plain UTF-8
 * text gets the file card alone.
 */
export function TextAttachment({ messageId, attachment }: { messageId: string; attachment: Attachment }) {
  const { accountId } = useAccount();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const name = attachmentName(attachment);
  const csv = isCsv(attachment);
  const [viewing, setViewing] = useState(false);
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
      className={`relative bg-neutral-50 dark:bg-neutral-950 ${csv ? 'h-[156px]' : 'h-[120px]'}`}
    >
      {head.data && csv ? (
        <CsvTable
          text={head.data.text}
          truncated={head.data.truncated}
          maxRows={5}
          label={`First rows of ${name}`}
          dense
        />
      ) : null}
      {head.data && !csv ? (
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
      {head.data ? (
        <button
          type="button"
          onClick={() => setViewing(true)}
          aria-label={`Show all of ${name}`}
          className="absolute right-2 bottom-2 rounded-md border border-neutral-300 bg-white/95 px-2 py-0.5 text-[12px] font-medium text-neutral-800 shadow-sm hover:bg-neutral-100 dark:border-neutral-600 dark:bg-neutral-800/95 dark:text-neutral-100 dark:hover:bg-neutral-700"
        >
          Show all
        </button>
      ) : null}
      {viewing ? (
        <TextViewer messageId={messageId} attachment={attachment} csv={csv} onClose={() => setViewing(false)} />
      ) : null}
    </PreviewCard>
  );
}
