import { useRef, useState } from 'react';
import type { Attachment } from '../../contract/models';
import { attachmentName, PreviewCard } from './file-card';
import { PDF_FRAME_PATH } from './pdf-frame/protocol';
import { usePdfFrame } from './pdf-frame/use-pdf-frame';
import { PdfViewer } from './pdf-viewer';
import { useVerifiedBytes } from './use-verified-preview';

/**
 * A PDF's first page, drawn by pdf.js inside a frame sandboxed to an opaque origin (scripts, but no access to the
 * app, its cookies or its storage); the app hands the frame the bytes, which proved to be a PDF, by postMessage.
 * Browsers' own PDF viewers refuse to run in a sandboxed frame, hence pdf.js. Clicking it opens every page.
 */
export function PdfAttachment({ messageId, attachment }: { messageId: string; attachment: Attachment }) {
  const name = attachmentName(attachment);
  const { box, proven, failed } = useVerifiedBytes(messageId, attachment, 'pdf');
  const frame = useRef<HTMLIFrameElement>(null);
  const bytes = proven?.bytes;
  const state = usePdfFrame(frame, bytes, 'first');
  const [viewing, setViewing] = useState(false);

  const rendered = state.status === 'rendered';
  return (
    <PreviewCard
      messageId={messageId}
      attachment={attachment}
      box={box}
      failed={failed || state.status === 'failed'}
      ready={rendered}
      testId="pdf-preview"
      className="relative h-[240px] bg-neutral-100 dark:bg-neutral-800"
    >
      {bytes ? (
        <iframe
          ref={frame}
          sandbox="allow-scripts"
          src={PDF_FRAME_PATH}
          title={`First page of ${name}`}
          tabIndex={-1}
          referrerPolicy="no-referrer"
          // Never hidden: browsers pause drawing in hidden cross-origin frames, and pdf.js draws frame by frame.
          className="h-full w-full border-0"
        />
      ) : null}
      {rendered ? (
        <>
          {/* Over the frame, which would otherwise take the click. */}
          <button
            type="button"
            onClick={() => setViewing(true)}
            aria-label={`Open ${name}`}
            className="absolute inset-0 cursor-zoom-in focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
          />
          <span className="pointer-events-none absolute bottom-2 left-2 rounded bg-neutral-900/75 px-1.5 py-0.5 text-[12px] font-medium text-white">
            PDF · {state.pages === 1 ? '1 page' : `${state.pages} pages`}
          </span>
        </>
      ) : null}
      {viewing && bytes ? (
        <PdfViewer messageId={messageId} attachment={attachment} bytes={bytes} onClose={() => setViewing(false)} />
      ) : null}
    </PreviewCard>
  );
}
