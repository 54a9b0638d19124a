import { type RefObject, useEffect, useRef, useState } from 'react';
import { isFromFrame, type PdfPages, type ToFrame } from './protocol';

/** How long the frame may take to draw before the PDF is taken as one it cannot show. */
const RENDER_TIMEOUT_MS = 20_000;

export type PdfFrameState = { status: 'loading' } | { status: 'rendered'; pages: number } | { status: 'failed' };

/**
 * Talks to a PDF frame: once it says it is ready, hands it a copy of the bytes, then follows its answer. Messages
 * from anything but that frame's window are ignored.
 */
export function usePdfFrame(
  frame: RefObject<HTMLIFrameElement | null>,
  bytes: Uint8Array<ArrayBuffer> | null | undefined,
  pages: PdfPages,
  onClose?: () => void,
): PdfFrameState {
  const [state, setState] = useState<PdfFrameState>({ status: 'loading' });
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
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
        close.current?.();
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
