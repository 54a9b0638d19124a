/**
 * What the app and the PDF frame say to each other. The frame runs in an opaque origin (a sandbox without
 * `allow-same-origin`), so postMessage is the only way in or out: the app sends the bytes, the frame answers.
 */
export type PdfPages = 'first' | 'all';

/** Zoom steps of the full view, as fractions of the page's fitted width. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

export type ZoomKey = 'in' | 'out' | 'fit';

export type ToFrame =
  | { type: 'render-pdf'; bytes: ArrayBuffer; pages: PdfPages }
  /** Full view only: draw the pages at this fraction of the fitted width, keeping the reader's place. */
  | { type: 'zoom'; zoom: number }
  /** Full view only: bring this page (1-based) to the top. */
  | { type: 'go-to-page'; page: number };

export type FromFrame =
  | { type: 'ready' }
  | { type: 'rendered'; pages: number }
  | { type: 'failed' }
  /** Escape was pressed inside the frame, where the app's own key handling cannot hear it. */
  | { type: 'close' }
  /** Full view: the page at the top of the view changed as the reader scrolled. */
  | { type: 'page'; page: number }
  /** Ctrl/Cmd with +, − or 0 was pressed inside the frame. */
  | { type: 'zoom-key'; key: ZoomKey };

/** The page that renders PDFs with pdf.js; built as its own entry, never part of the app's bundle. */
export const PDF_FRAME_PATH = '/pdf-preview.html';

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;
const isPageNumber = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

export function isFromFrame(data: unknown): data is FromFrame {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case 'rendered':
      return Number.isInteger(data.pages);
    case 'page':
      return isPageNumber(data.page);
    case 'zoom-key':
      return data.key === 'in' || data.key === 'out' || data.key === 'fit';
    default:
      return data.type === 'ready' || data.type === 'failed' || data.type === 'close';
  }
}

export function isToFrame(data: unknown): data is ToFrame {
  if (!isRecord(data)) return false;
  switch (data.type) {
    case 'render-pdf':
      return data.bytes instanceof ArrayBuffer && (data.pages === 'first' || data.pages === 'all');
    case 'zoom':
      return (ZOOM_STEPS as readonly unknown[]).includes(data.zoom);
    case 'go-to-page':
      return isPageNumber(data.page);
    default:
      return false;
  }
}

const ZOOM_KEYS: Record<string, ZoomKey> = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' };

/** Ctrl/Cmd with +, − or 0: the zoom the reader asks for, or null for any other key. */
export function zoomKeyOf(event: KeyboardEvent): ZoomKey | null {
  return event.ctrlKey || event.metaKey ? (ZOOM_KEYS[event.key] ?? null) : null;
}

/** The zoom step after `zoom` in the direction of `key`, or the fitted width. */
export function nextZoom(zoom: number, key: ZoomKey): number {
  if (key === 'fit') return 1;
  const at = ZOOM_STEPS.findIndex((step) => step >= zoom);
  const index = key === 'in' ? Math.min(at + 1, ZOOM_STEPS.length - 1) : Math.max(at - 1, 0);
  return ZOOM_STEPS[index]!;
}
