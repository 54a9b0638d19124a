import { getDocument, type PDFDocumentProxy, TextLayer, VerbosityLevel } from 'pdfjs-dist';
// Parsing runs on this frame's own thread: a sandboxed frame's opaque origin may not start a worker from our URL.
// Importing the worker module registers it as pdf.js's in-thread worker.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { type FromFrame, isToFrame, type PdfPages } from './protocol';

/** The widest a page is drawn in the full view, in CSS pixels. */
const MAX_PAGE_WIDTH = 960;
const GAP = 16;

function tell(message: FromFrame) {
  // The parent is the app; this frame has an opaque origin, so '*' is the only target it can name.
  window.parent.postMessage(message, '*');
}

/** Draws a page into a canvas at a CSS width, sharp on high-density screens. */
async function draw(pdf: PDFDocumentProxy, number: number, canvas: HTMLCanvasElement, width: number) {
  const page = await pdf.getPage(number);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}

/**
 * The page's text, invisible over its picture: it can be selected, copied and found, and screen readers read it.
 * Its spans are positioned by pdf.js from the CSS scale in `--total-scale-factor`.
 */
async function addText(pdf: PDFDocumentProxy, number: number, box: HTMLElement, width: number) {
  const page = await pdf.getPage(number);
  const scale = width / page.getViewport({ scale: 1 }).width;
  const layer = document.createElement('div');
  layer.className = 'text-layer';
  box.style.setProperty('--total-scale-factor', String(scale));
  box.append(layer);
  await new TextLayer({
    textContentSource: page.streamTextContent(),
    container: layer,
    viewport: page.getViewport({ scale }),
  }).render();
}

/** The inline preview: the first page across the frame's width; the frame shows its top. */
async function firstPage(pdf: PDFDocumentProxy) {
  const canvas = document.querySelector('canvas')!;
  await draw(pdf, 1, canvas, window.innerWidth);
  canvas.hidden = false;
}

/**
 * The full view: every page in a scrolling column, each box sized at once from the page's shape and drawn when it
 * comes near the viewport, so a long document opens as fast as a short one.
 */
async function allPages(pdf: PDFDocumentProxy) {
  document.documentElement.classList.add('all-pages');
  const width = Math.min(window.innerWidth - 2 * GAP, MAX_PAGE_WIDTH);
  const drawn = new WeakSet<Element>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || drawn.has(entry.target)) continue;
        drawn.add(entry.target);
        const box = entry.target as HTMLElement;
        const canvas = document.createElement('canvas');
        canvas.setAttribute('aria-hidden', 'true');
        box.append(canvas);
        const number = Number(box.dataset.page);
        void draw(pdf, number, canvas, width)
          .then(() => addText(pdf, number, box, width))
          .catch(() => box.classList.add('failed'));
      }
    },
    { rootMargin: '800px 0px' },
  );
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const shape = page.getViewport({ scale: 1 });
    const box = document.createElement('div');
    box.className = 'page';
    box.dataset.page = String(number);
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `Page ${number} of ${pdf.numPages}`);
    box.style.width = `${width}px`;
    box.style.height = `${Math.floor((width / shape.width) * shape.height)}px`;
    document.body.append(box);
    observer.observe(box);
  }
}

async function render(bytes: ArrayBuffer, pages: PdfPages) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    // Quiet: running in this thread is intended, and a malformed file is answered with `failed`.
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  if (pages === 'first') {
    await firstPage(pdf);
    tell({ type: 'rendered', pages: pdf.numPages });
    await pdf.destroy();
  } else {
    await allPages(pdf);
    tell({ type: 'rendered', pages: pdf.numPages });
  }
}

let started = false;
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || started || !isToFrame(event.data)) return;
  started = true;
  render(event.data.bytes, event.data.pages).catch(() => tell({ type: 'failed' }));
});
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') tell({ type: 'close' });
});
tell({ type: 'ready' });
