import { type RefObject, useEffect, useRef, useState } from 'react';
import { isFromFrame, type PdfPages, type ToFrame, type ZoomKey } from './protocol';

/** How long the frame may take to draw before the PDF is taken as one it cannot show. */
const RENDER_TIMEOUT_MS = 20_000;

export type PdfFrameState = { status: 'loading' } | { status: 'rendered'; pages: number } | { status: 'failed' };

/** What the full view tells the app besides its state. */
export interface PdfFrameHandlers {
  onClose?: () => void;
  onPage?: (page: number) => void;
  onZoomKey?: (key: ZoomKey) => void;
}

/**
 * Talks to a PDF frame: once it says it is ready, hands it a copy of the bytes, then follows its answer. Messages
 * from anything but that frame's window are ignored.
 */
export function usePdfFrame(
  frame: RefObject<HTMLIFrameElement | null>,
  bytes: Uint8Array<ArrayBuffer> | null | undefined,
  pages: PdfPages,
  handlers: PdfFrameHandlers = {},
): PdfFrameState {
  const [state, setState] = useState<PdfFrameState>({ status: 'loading' });
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!bytes) return;
    const timeout = setTimeout(() => setState({ status: 'failed' }), RENDER_TIMEOUT_MS);
    const onMessage = (event: MessageEvent) => {
      const target = frame.current?.contentWindow;
      if (!target || event.source !== target || !isFromFrame(event.data)) return;
      const answer = event.data;
      if (answer.type === 'ready') {
        const message: ToFrame = { type: 'render-pdf', bytes: bytes.slice().buffer, pages };
        target.postMessage(message, '*', [message.bytes]);
      } else if (answer.type === 'close') {
        latest.current.onClose?.();
      } else if (answer.type === 'page') {
        latest.current.onPage?.(answer.page);
      } else if (answer.type === 'zoom-key') {
        latest.current.onZoomKey?.(answer.key);
      } else {
        clearTimeout(timeout);
        setState(answer.type === 'rendered' ? { status: 'rendered', pages: answer.pages } : { status: 'failed' });
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      clearTimeout(timeout);
      window.removeEventListener('message', onMessage);
    };
  }, [frame, bytes, pages]);
  return state;
}

/** Sends the frame a request (zoom, go to a page); it has an opaque origin, so '*' is the only target to name. */
export function tellFrame(frame: RefObject<HTMLIFrameElement | null>, message: ToFrame) {
  frame.current?.contentWindow?.postMessage(message, '*');
}
