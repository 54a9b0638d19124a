import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { DownloadControl, DownloadStatus } from './download-control';
import { useDownloadState } from './downloads';
import { attachmentName, downloadRequest } from './file-card';
import { PdfControls } from './pdf-controls';
import { nextZoom, PDF_FRAME_PATH, type ZoomKey, zoomKeyOf } from './pdf-frame/protocol';
import { tellFrame, usePdfFrame } from './pdf-frame/use-pdf-frame';
import { ViewerDialog } from './viewer-dialog';

/**
 * A PDF, every page, in the dark viewer dialog: drawn by pdf.js in a frame sandboxed to an opaque origin, which
 * scrolls by itself (Tab into it, then the arrow keys, Page Up/Down, Space). Escape closes from inside it too.
 * A bar above it says which page is at the top and goes to a typed one, and zooms (Ctrl/Cmd with +, − and 0,
 * inside the frame or out of it).
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
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const zoomBy = (key: ZoomKey) => {
    const next = nextZoom(zoom, key);
    setZoom(next);
    tellFrame(frame, { type: 'zoom', zoom: next });
  };
  const state = usePdfFrame(frame, bytes, 'all', { onClose, onPage: setPage, onZoomKey: zoomBy });
  const goTo = (wanted: number) => {
    setPage(wanted);
    tellFrame(frame, { type: 'go-to-page', page: wanted });
  };
  useZoomKeys(state.status === 'rendered' ? zoomBy : null);
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
        <>
          {state.status === 'rendered' ? (
            <PdfControls page={page} pages={state.pages} zoom={zoom} onGoTo={goTo} onZoom={zoomBy} />
          ) : null}
          <iframe
            ref={frame}
            sandbox="allow-scripts"
            src={PDF_FRAME_PATH}
            title={`Pages of ${name}`}
            referrerPolicy="no-referrer"
            className="min-h-0 w-full flex-1 border-0"
          />
        </>
      )}
    </ViewerDialog>
  );
}

/** Ctrl/Cmd with +, − or 0 zooms the pages, not the app, while the viewer is open. */
function useZoomKeys(onZoom: ((key: ZoomKey) => void) | null) {
  const latest = useRef(onZoom);
  useEffect(() => {
    latest.current = onZoom;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = zoomKeyOf(event);
      if (!key || !latest.current) return;
      event.preventDefault();
      latest.current(key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
