import { useRef } from 'react';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { DownloadControl, DownloadStatus } from './download-control';
import { useDownloadState } from './downloads';
import { attachmentName, downloadRequest } from './file-card';
import { PDF_FRAME_PATH } from './pdf-frame/protocol';
import { usePdfFrame } from './pdf-frame/use-pdf-frame';
import { ViewerDialog } from './viewer-dialog';

/**
 * A PDF, every page, in the dark viewer dialog: drawn by pdf.js in a frame sandboxed to an opaque origin, which
 * scrolls by itself (Tab into it, then the arrow keys, Page Up/Down, Space). Escape closes from inside it too.
 */
export function PdfViewer({
  messageId,
  attachment,
  bytes,
  onClose,
}: {
  messageId: string;
  attachment: Attachment;
  /** Bytes that proved to be a PDF. */
  bytes: Uint8Array<ArrayBuffer>;
  onClose: () => void;
}) {
  const { accountId } = useAccount();
  const name = attachmentName(attachment);
  const frame = useRef<HTMLIFrameElement>(null);
  const state = usePdfFrame(frame, bytes, 'all', onClose);
  const request = downloadRequest(accountId, messageId, attachment);
  const download = useDownloadState(request);
  const pages = state.status === 'rendered' ? (state.pages === 1 ? '1 page' : `${state.pages} pages`) : null;

  return (
    <ViewerDialog
      testId="pdf-viewer"
      title={name}
      onClose={onClose}
      description={
        <span data-testid="pdf-viewer-pages">
          {state.status === 'failed' ? 'Cannot show this PDF' : (pages ?? 'Opening…')}
        </span>
      }
      actions={
        <>
          <DownloadStatus size={attachment.file_size} state={download} fileName={name} />
          <DownloadControl request={request} state={download} />
        </>
      }
    >
      {state.status === 'failed' ? (
        <p role="status" className="m-auto max-w-sm text-center text-[13px] text-neutral-300">
          This PDF could not be shown. Download it to open it.
        </p>
      ) : (
        <iframe
          ref={frame}
          sandbox="allow-scripts"
          src={PDF_FRAME_PATH}
          title={`Pages of ${name}`}
          referrerPolicy="no-referrer"
          className="min-h-0 w-full flex-1 border-0"
        />
      )}
    </ViewerDialog>
  );
}
