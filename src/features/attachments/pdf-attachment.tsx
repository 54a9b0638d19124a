import { useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../contract/models';
import { AttachmentFrame, attachmentName, CardOnly, FileCardRow } from './file-card';
import { isFromFrame, PDF_FRAME_PATH, type ToFrame } from './pdf-frame/protocol';
import { useVerifiedBytes } from './use-verified-preview';

/** How long the frame may take to draw the first page before the preview gives way to a plain file card. */
const RENDER_TIMEOUT_MS = 20_000;

type FrameState = { status: 'loading' } | { status: 'rendered'; pages: number } | { status: 'failed' };

/**
 * A PDF's first page, drawn by pdf.js inside a frame sandboxed to an opaque origin (scripts, but no access to the
 * app, its cookies or its storage). The app hands the frame the bytes, which proved to be a PDF, by postMessage.
 * Browsers' own PDF viewers refuse to run in a sandboxed frame, hence pdf.js.
 */
export function PdfAttachment({ messageId, attachment }: { messageId: string; attachment: Attachment }) {
  const name = attachmentName(attachment);
  const { box, proven, failed } = useVerifiedBytes(messageId, attachment, 'pdf');
  const frame = useRef<HTMLIFrameElement>(null);
  const [state, setState] = useState<FrameState>({ status: 'loading' });
  const bytes = proven?.bytes;

  useEffect(() => {
    if (!bytes) return;
    const timeout = setTimeout(() => setState({ status: 'failed' }), RENDER_TIMEOUT_MS);
    const onMessage = (event: MessageEvent) => {
      const target = frame.current?.contentWindow;
      if (!target || event.source !== target || !isFromFrame(event.data)) return;
      if (event.data.type === 'ready') {
        const message: ToFrame = { type: 'render-pdf', bytes: bytes.slice().buffer };
        target.postMessage(message, '*', [message.bytes]);
      } else {
        clearTimeout(timeout);
        setState(
          event.data.type === 'rendered' ? { status: 'rendered', pages: event.data.pages } : { status: 'failed' },
        );
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      clearTimeout(timeout);
      window.removeEventListener('message', onMessage);
    };
  }, [bytes]);

  if (failed || state.status === 'failed') {
    return <CardOnly label={name} messageId={messageId} attachment={attachment} />;
  }
  const rendered = state.status === 'rendered';
  return (
    <AttachmentFrame label={name}>
      <div
        ref={box}
        data-testid="pdf-preview"
        aria-busy={!rendered}
        className="relative h-[240px] w-full border-b border-neutral-200 bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-800"
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
          <span className="absolute bottom-2 left-2 rounded bg-neutral-900/75 px-1.5 py-0.5 text-[12px] font-medium text-white">
            PDF · {state.pages === 1 ? '1 page' : `${state.pages} pages`}
          </span>
        ) : (
          <span className="sr-only">Loading preview of {name}</span>
        )}
      </div>
      <FileCardRow messageId={messageId} attachment={attachment} />
    </AttachmentFrame>
  );
}
