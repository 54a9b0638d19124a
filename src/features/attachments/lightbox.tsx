import * as RadixDialog from '@radix-ui/react-dialog';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { attachmentQueries } from '../../api/attachments';
import { Button } from '../../components/ui/button';
import { BackIcon, CloseIcon } from '../../components/ui/icons';
import { useReturnFocus } from '../../components/ui/use-return-focus';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { DownloadControl, DownloadStatus } from './download-control';
import { useDownloadState } from './downloads';
import { attachmentName } from './file-card';
import { useObjectUrl } from './use-object-url';

function ReturnFocus() {
  useReturnFocus();
  return null;
}

/**
 * The images of a message, large, in a modal dialog: ←/→ (and Previous/Next) walk the images whose bytes proved a
 * raster image, Zoom switches between fit and actual size, Download saves the file, Escape closes and the focus
 * goes back to the thumbnail. Images are shown from object URLs of the verified bytes only.
 */
export function Lightbox({
  messageId,
  images,
  currentId,
  onCurrentChange,
  onClose,
}: {
  messageId: string;
  /** Candidate images (allowlisted type, with an id); only those whose bytes prove an image are walked. */
  images: Attachment[];
  currentId: string;
  onCurrentChange: (id: string) => void;
  onClose: () => void;
}) {
  const { accountId } = useAccount();
  const previews = useQueries({
    queries: images.map((image) => attachmentQueries.preview(accountId, messageId, image.id ?? '', image.file_type)),
  });
  // Still loading counts (it is shown as loading); failed or not an image drops out.
  const walkable = images.filter((_, i) => {
    const preview = previews[i]!;
    return !preview.isError && (!preview.data || preview.data.kind === 'image');
  });
  const index = Math.max(
    0,
    walkable.findIndex((image) => image.id === currentId),
  );
  const current = walkable[index];
  const currentPreview = current ? previews[images.indexOf(current)] : undefined;
  const image = currentPreview?.data?.kind === 'image' ? currentPreview.data : null;
  const url = useObjectUrl(image?.bytes, image?.type);
  const count = walkable.length;
  const name = current ? attachmentName(current) : 'Image';

  const move = (step: number) => {
    if (count < 2) return;
    onCurrentChange(walkable[(index + step + count) % count]!.id!);
  };
  const stage = useRef<HTMLDivElement>(null);
  // Keyed by the image, so moving to another image starts it fitted again.
  const [zoom, setZoom] = useState<{ id: string; scale: number } | null>(null);
  const [natural, setNatural] = useState<{ id: string; width: number; height: number } | null>(null);
  const zoomed = !!current && zoom?.id === current.id;
  const size = current && natural?.id === current.id ? natural : null;
  const zoomScale = zoomed && zoom ? zoom.scale : 1;
  const toggleZoom = () => {
    if (zoomed || !current) return setZoom(null);
    const box = stage.current;
    // Actual size; an image smaller than the stage is shown at twice its size instead.
    const fits = !!size && !!box && size.width <= box.clientWidth && size.height <= box.clientHeight;
    setZoom({ id: current.id!, scale: fits ? 2 : 1 });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      // A zoomed image scrolls sideways with the arrows while its stage has the focus.
      if (zoomed && stage.current?.contains(document.activeElement)) return;
      event.preventDefault();
      move(event.key === 'ArrowRight' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const request = {
    accountId,
    messageId,
    attachmentId: current?.id ?? '',
    fileName: name,
    size: current?.file_size,
  };
  const download = useDownloadState(request);

  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/80" />
        <RadixDialog.Content
          data-testid="lightbox"
          className="fixed inset-[2vh_2vw] z-50 flex flex-col overflow-hidden rounded-xl border border-neutral-800 bg-neutral-950 text-neutral-100 shadow-2xl outline-none"
        >
          <div className="flex items-center gap-3 border-b border-neutral-800 px-4 py-2">
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="truncate text-[15px] font-semibold" title={name}>
                {name}
              </RadixDialog.Title>
              <RadixDialog.Description className="text-[12px] text-neutral-300">
                <span data-testid="lightbox-counter">
                  {index + 1} of {count}
                </span>
                <span className="sr-only">. Use the left and right arrow keys to move between images.</span>
              </RadixDialog.Description>
            </div>
            <div className="flex items-center gap-1 text-[12px] text-neutral-300 [&_button]:text-neutral-100 [&_button:hover]:bg-neutral-800">
              <DownloadStatus size={current?.file_size} state={download} fileName={name} />
              <DownloadControl request={request} state={download} />
              <Button size="sm" variant="ghost" onClick={toggleZoom} disabled={!url}>
                {zoomed ? 'Zoom out' : 'Zoom in'}
              </Button>
              <RadixDialog.Close asChild>
                <Button size="icon" variant="ghost" aria-label="Close">
                  <CloseIcon size={16} />
                </Button>
              </RadixDialog.Close>
            </div>
          </div>
          <ReturnFocus />
          <div className="relative flex min-h-0 flex-1">
            <div
              ref={stage}
              tabIndex={zoomed ? 0 : -1}
              aria-label={zoomed ? `${name}, zoomed; scroll to see more` : undefined}
              role={zoomed ? 'region' : undefined}
              className={`flex min-h-0 flex-1 p-2 outline-none focus-visible:ring-2 focus-visible:ring-accent-500 ${zoomed ? 'overflow-auto' : 'overflow-hidden'}`}
            >
              {url ? (
                <img
                  src={url}
                  alt={name}
                  onLoad={(event) =>
                    setNatural({
                      id: current!.id!,
                      width: event.currentTarget.naturalWidth,
                      height: event.currentTarget.naturalHeight,
                    })
                  }
                  style={
                    zoomed && size ? { width: size.width * zoomScale, height: size.height * zoomScale } : undefined
                  }
                  className={zoomed ? 'm-auto max-w-none shrink-0' : 'h-full w-full object-contain'}
                />
              ) : (
                <span role="status" className="m-auto text-[13px] text-neutral-300">
                  Loading {name}…
                </span>
              )}
            </div>
            {count > 1 ? (
              <>
                <button
                  type="button"
                  onClick={() => move(-1)}
                  aria-label="Previous image"
                  className="absolute top-1/2 left-2 flex h-10 w-10 -translate-y-1/2 items-center justify-center rounded-full bg-neutral-900/80 text-neutral-100 hover:bg-neutral-800"
                >
                  <BackIcon size={20} />
                </button>
                <button
                  type="button"
                  onClick={() => move(1)}
                  aria-label="Next image"
                  className="absolute top-1/2 right-2 flex h-10 w-10 -translate-y-1/2 items-center justify-center rounded-full bg-neutral-900/80 text-neutral-100 hover:bg-neutral-800"
                >
                  <BackIcon size={20} className="rotate-180" />
                </button>
              </>
            ) : null}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
