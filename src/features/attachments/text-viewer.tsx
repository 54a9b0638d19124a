import { useQuery } from '@tanstack/react-query';
import { attachmentHeadQueries, TEXT_ALL_BYTES } from '../../api/attachments';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { formatSize } from '../../lib/format-size';
import { CsvTable } from './csv-table';
import { DownloadControl, DownloadStatus } from './download-control';
import { useDownloadState } from './downloads';
import { attachmentName, downloadRequest } from './file-card';
import { ViewerDialog } from './viewer-dialog';

/** The most CSV rows the viewer lays out; the rest is for downloading. */
const MAX_TABLE_ROWS = 1_000;

/** "Show all" of a text, CSV or JSON file: the whole text (up to 1 MB) as text, or CSV as a table. */
export function TextViewer({
  messageId,
  attachment,
  csv,
  onClose,
}: {
  messageId: string;
  attachment: Attachment;
  csv: boolean;
  onClose: () => void;
}) {
  const { accountId } = useAccount();
  const name = attachmentName(attachment);
  const all = useQuery(attachmentHeadQueries.textAll(accountId, messageId, attachment.id ?? '', attachment.file_type));
  const request = downloadRequest(accountId, messageId, attachment);
  const download = useDownloadState(request);
  const text = all.data;
  let description = 'Opening…';
  if (all.isError || (all.isSuccess && text === null)) description = 'Cannot show this file';
  else if (text)
    description = text.truncated
      ? `The first ${formatSize(TEXT_ALL_BYTES)}: download it for the rest`
      : 'The whole file';

  return (
    <ViewerDialog
      testId="text-viewer"
      title={name}
      onClose={onClose}
      description={<span data-testid="text-viewer-extent">{description}</span>}
      actions={
        <>
          <DownloadStatus size={attachment.file_size} state={download} fileName={name} />
          <DownloadControl request={request} state={download} />
        </>
      }
    >
      {text ? (
        csv ? (
          <div className="min-h-0 flex-1 bg-white text-neutral-900 dark:bg-neutral-900 dark:text-neutral-100">
            <CsvTable text={text.text} truncated={text.truncated} maxRows={MAX_TABLE_ROWS} label={`Rows of ${name}`} />
          </div>
        ) : (
          <pre
            tabIndex={0}
            role="region"
            aria-label={`Text of ${name}`}
            className="min-h-0 flex-1 overflow-auto px-4 py-3 font-mono text-[12px] leading-5 break-words whitespace-pre-wrap outline-none focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:ring-inset"
          >
            {text.text}
            {text.truncated ? '…' : ''}
          </pre>
        )
      ) : (
        <p role="status" className="m-auto text-[13px] text-neutral-300">
          {all.isPending ? 'Opening…' : 'This file could not be shown. Download it to open it.'}
        </p>
      )}
    </ViewerDialog>
  );
}
