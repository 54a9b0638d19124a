/**
 * What the app and the PDF frame say to each other. The frame runs in an opaque origin (a sandbox without
 * `allow-same-origin`), so postMessage is the only way in or out: the app sends the bytes, the frame answers.
 */
export type PdfPages = 'first' | 'all';

export type ToFrame = { type: 'render-pdf'; bytes: ArrayBuffer; pages: PdfPages };

export type FromFrame =
  | { type: 'ready' }
  | { type: 'rendered'; pages: number }
  | { type: 'failed' }
  /** Escape was pressed inside the frame, where the app's own key handling cannot hear it. */
  | { type: 'close' };

/** The page that renders PDFs with pdf.js; built as its own entry, never part of the app's bundle. */
export const PDF_FRAME_PATH = '/pdf-preview.html';

export function isFromFrame(data: unknown): data is FromFrame {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  if (type === 'rendered') return Number.isInteger((data as { pages?: unknown }).pages);
  return type === 'ready' || type === 'failed' || type === 'close';
}

export function isToFrame(data: unknown): data is ToFrame {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; bytes?: unknown; pages?: unknown };
  return (
    message.type === 'render-pdf' &&
    message.bytes instanceof ArrayBuffer &&
    (message.pages === 'first' || message.pages === 'all')
  );
}
