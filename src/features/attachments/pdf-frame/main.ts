import { getDocument, VerbosityLevel } from 'pdfjs-dist';
// Parsing runs on this frame's own thread: a sandboxed frame's opaque origin may not start a worker from our URL.
// Importing the worker module registers it as pdf.js's in-thread worker.
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { type FromFrame, isToFrame } from './protocol';

const canvas = document.querySelector('canvas')!;

function tell(message: FromFrame) {
  // The parent is the app; this frame has an opaque origin, so '*' is the only target it can name.
  window.parent.postMessage(message, '*');
}

/** Draws the first page across the frame's width, sharp on high-density screens; the frame shows its top. */
async function render(bytes: ArrayBuffer) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    // Quiet: running in this thread is intended, and a malformed file is answered with `failed`.
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  const page = await pdf.getPage(1);
  const unscaled = page.getViewport({ scale: 1 });
  const scale = window.innerWidth / unscaled.width;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
  canvas.hidden = false;
  tell({ type: 'rendered', pages: pdf.numPages });
  await pdf.destroy();
}

let started = false;
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || started || !isToFrame(event.data)) return;
  started = true;
  render(event.data.bytes).catch(() => tell({ type: 'failed' }));
});
tell({ type: 'ready' });
