/**
 * What the app and the PDF preview frame say to each other. The frame runs in an opaque origin (a sandbox without
 * `allow-same-origin`), so postMessage is the only way in or out: the app sends the bytes, the frame answers.
 */
export type ToFrame = { type: 'render-pdf'; bytes: ArrayBuffer };

export type FromFrame =
  | { type: 'ready' }
  | { type: 'rendered'; pages: number }
  | { type: 'failed' };

/** The page that renders PDFs with pdf.js; built as its own entry, never part of the app's bundle. */
export const PDF_FRAME_PATH = '/pdf-preview.html';

export function isFromFrame(data: unknown): data is FromFrame {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  if (type === 'rendered') return Number.isInteger((data as { pages?: unknown }).pages);
  return type === 'ready' || type === 'failed';
}

export function isToFrame(data: unknown): data is ToFrame {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'render-pdf' &&
    (data as { bytes?: unknown }).bytes instanceof ArrayBuffer
  );
}
