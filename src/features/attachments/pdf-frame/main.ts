import { getDocument, type PDFDocumentProxy, TextLayer, VerbosityLevel } from 'pdfjs-dist';
// Parsing runs on this frame's own thread: a sandboxed frame's opaque origin may not start a worker from our URL.
// Importing the worker module registers it as pdf.js's in-thread worker.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { type FromFrame, isToFrame, type PdfPages, zoomKeyOf } from './protocol';

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
  // pdf.js measures text on a canvas of its own, outside the pages: nothing for a screen reader.
  document.querySelector('.hiddenCanvasElement')?.setAttribute('aria-hidden', 'true');
}

/** The inline preview: the first page across the frame's width; the frame shows its top. */
async function firstPage(pdf: PDFDocumentProxy) {
  const canvas = document.querySelector('canvas')!;
  await draw(pdf, 1, canvas, window.innerWidth);
  canvas.hidden = false;
}

/**
 * The full view: every page in a scrolling column, each box sized at once from the page's shape and drawn when it
 * comes near the viewport, so a long document opens as fast as a short one. Pages that move far out of view give
 * their drawing back, so memory stays flat however long the document and however deep the zoom.
 */
class AllPages {
  private boxes: HTMLElement[] = [];
  private shapes: { width: number; height: number }[] = [];
  private width = 0;
  private fitted = 0;
  private zoom = 1;
  /** Bumped by every zoom, so a drawing started at an older size is not finished into the new layout. */
  private generation = 0;
  private shownPage = 0;
  private readonly observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
    rootMargin: '800px 0px',
  });

  constructor(private readonly pdf: PDFDocumentProxy) {}

  async lay() {
    document.documentElement.classList.add('all-pages');
    const column = document.createElement('main');
    column.setAttribute('aria-label', 'PDF pages');
    const heading = document.createElement('h1');
    heading.className = 'visually-hidden';
    heading.textContent = `${this.pdf.numPages === 1 ? '1 page' : `${this.pdf.numPages} pages`}`;
    column.append(heading);
    document.body.append(column);
    for (let number = 1; number <= this.pdf.numPages; number++) {
      const shape = (await this.pdf.getPage(number)).getViewport({ scale: 1 });
      const box = document.createElement('div');
      box.className = 'page';
      box.dataset.page = String(number);
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', `Page ${number} of ${this.pdf.numPages}`);
      this.boxes.push(box);
      this.shapes.push({ width: shape.width, height: shape.height });
      column.append(box);
    }
    this.size();
    window.addEventListener('scroll', () => this.followPage(), { passive: true });
    window.addEventListener('resize', () => {
      if (this.fittedWidth() !== this.fitted) this.setZoom(this.zoom);
    });
    this.followPage();
  }

  setZoom(zoom: number) {
    const top = this.pageAtTop();
    const box = this.boxes[top - 1];
    // Where the reader is, as a share of the page at the top, so the same line stays there after the zoom.
    const within = box ? (window.scrollY - box.offsetTop) / box.offsetHeight : 0;
    const left = window.scrollX / document.documentElement.scrollWidth;
    this.zoom = zoom;
    this.size();
    if (box) window.scrollTo(left * document.documentElement.scrollWidth, box.offsetTop + within * box.offsetHeight);
  }

  goTo(page: number) {
    const box = this.boxes[Math.min(page, this.boxes.length) - 1];
    if (box) window.scrollTo(window.scrollX, box.offsetTop - GAP);
  }

  private fittedWidth() {
    return Math.min(document.documentElement.clientWidth - 2 * GAP, MAX_PAGE_WIDTH);
  }

  /** Sizes every box for the current zoom and lets the observer draw the ones near the view again. */
  private size() {
    this.generation++;
    this.fitted = this.fittedWidth();
    this.width = Math.round(this.fitted * this.zoom);
    this.boxes.forEach((box, index) => {
      const shape = this.shapes[index]!;
      this.observer.unobserve(box);
      box.replaceChildren();
      box.classList.remove('failed');
      box.style.width = `${this.width}px`;
      box.style.height = `${Math.floor((this.width / shape.width) * shape.height)}px`;
      this.observer.observe(box);
    });
  }

  private onIntersect(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      const box = entry.target as HTMLElement;
      if (!entry.isIntersecting) {
        box.replaceChildren();
        continue;
      }
      if (box.childElementCount > 0) continue;
      const canvas = document.createElement('canvas');
      canvas.setAttribute('aria-hidden', 'true');
      box.append(canvas);
      const number = Number(box.dataset.page);
      const generation = this.generation;
      const width = this.width;
      void draw(this.pdf, number, canvas, width)
        .then(() =>
          generation === this.generation && canvas.isConnected ? addText(this.pdf, number, box, width) : undefined,
        )
        .catch(() => box.classList.add('failed'));
    }
  }

  /** The page whose box holds the line a third of the way down the view. */
  private pageAtTop(): number {
    const line = window.scrollY + window.innerHeight / 3;
    let low = 0;
    let high = this.boxes.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.boxes[middle]!.offsetTop <= line) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  private followPage() {
    const page = this.pageAtTop();
    if (page === this.shownPage) return;
    this.shownPage = page;
    tell({ type: 'page', page });
  }
}

let view: AllPages | null = null;

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
    view = new AllPages(pdf);
    await view.lay();
    tell({ type: 'rendered', pages: pdf.numPages });
  }
}

let started = false;
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !isToFrame(event.data)) return;
  const message = event.data;
  if (message.type === 'zoom') view?.setZoom(message.zoom);
  else if (message.type === 'go-to-page') view?.goTo(message.page);
  else if (!started) {
    started = true;
    render(message.bytes, message.pages).catch(() => tell({ type: 'failed' }));
  }
});

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') tell({ type: 'close' });
  const zoom = zoomKeyOf(event);
  if (zoom && view) {
    // The browser would zoom the whole app; the reader means the pages.
    event.preventDefault();
    tell({ type: 'zoom-key', key: zoom });
  }
});
tell({ type: 'ready' });
