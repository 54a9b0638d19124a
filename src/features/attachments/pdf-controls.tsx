import { type FormEvent, useState } from 'react';
import { Button } from '../../components/ui/button';
import { ChevronDownIcon, PlusIcon } from '../../components/ui/icons';
import { ZOOM_STEPS, type ZoomKey } from './pdf-frame/protocol';

const modifier = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The full PDF view's bar: the page at the top of the view (type a number to go there) and the zoom. */
export function PdfControls({
  page,
  pages,
  zoom,
  onGoTo,
  onZoom,
}: {
  page: number;
  pages: number;
  zoom: number;
  onGoTo: (page: number) => void;
  onZoom: (key: ZoomKey) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = Number.parseInt(typed ?? '', 10);
    if (Number.isFinite(wanted)) onGoTo(Math.min(Math.max(wanted, 1), pages));
    setTyped(null);
  }

  return (
    <div
      role="group"
      aria-label="Pages and zoom"
      className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 border-b border-neutral-800 px-3 py-1.5 text-[13px] text-neutral-300 [&_button]:text-neutral-100 [&_button:hover]:bg-neutral-800 [&_button:disabled]:text-neutral-500 [&_button:disabled]:hover:bg-transparent"
    >
      <form onSubmit={submit} className="flex items-center gap-1">
        <Button
          size="icon"
          variant="ghost"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => onGoTo(page - 1)}
        >
          <ChevronDownIcon size={16} className="rotate-180" />
        </Button>
        <label className="flex items-center gap-1.5">
          Page
          <input
            value={typed ?? String(page)}
            onChange={(event) => setTyped(event.target.value)}
            onBlur={() => setTyped(null)}
            onFocus={(event) => event.target.select()}
            inputMode="numeric"
            aria-label={`Page number, 1 to ${pages}`}
            className="h-7 w-12 rounded-md border border-neutral-700 bg-neutral-900 text-center tabular-nums text-neutral-100 focus:border-accent-400 focus:outline-none"
          />
        </label>
        <span className="tabular-nums">of {pages}</span>
        <Button
          size="icon"
          variant="ghost"
          aria-label="Next page"
          disabled={page >= pages}
          onClick={() => onGoTo(page + 1)}
        >
          <ChevronDownIcon size={16} />
        </Button>
      </form>
      <div className="flex items-center gap-1">
        <Button
          size="icon"
          variant="ghost"
          aria-label="Zoom out"
          title={`Zoom out (${modifier}−)`}
          disabled={zoom <= ZOOM_STEPS[0]}
          onClick={() => onZoom('out')}
        >
          <span aria-hidden="true" className="text-lg leading-none">
            −
          </span>
        </Button>
        <output aria-live="polite" aria-label="Zoom" className="w-12 text-center tabular-nums">
          {Math.round(zoom * 100)}%
        </output>
        <Button
          size="icon"
          variant="ghost"
          aria-label="Zoom in"
          title={`Zoom in (${modifier}+)`}
          disabled={zoom >= ZOOM_STEPS.at(-1)!}
          onClick={() => onZoom('in')}
        >
          <PlusIcon size={16} />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          title={`Fit to width (${modifier}0)`}
          disabled={zoom === 1}
          onClick={() => onZoom('fit')}
        >
          Fit width
        </Button>
      </div>
    </div>
  );
}
