import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { attachmentQueries } from '../../api/attachments';
import { Button } from '../../components/ui/button';
import { BackIcon } from '../../components/ui/icons';
import { useAccount } from '../../lib/account-context';
import { absoluteTime } from '../../lib/format-time';
import { DownloadControl, DownloadStatus } from './download-control';
import { useDownloadState } from './downloads';
import { attachmentName, downloadRequest } from './file-card';
import { type GalleryImage, galleryKey } from './preview-choice';
import { useObjectUrl } from './use-object-url';
import { ViewerDialog } from './viewer-dialog';

/** Stands in for the current image while there is none, so that the hooks keep their order. */
const PLACEHOLDER: GalleryImage = { messageId: '', attachment: {} };

/**
 * Images, large, in a modal dialog: ←/→ (and Previous/Next) walk them oldest to newest, Zoom switches between fit
 * and actual size, Download saves the file, Escape closes and the focus goes back to the thumbnail. Only the
 * current image and its neighbours are fetched, and an image is shown only from an object URL of bytes that proved
 * a raster image; a file whose bytes prove otherwise says so and offers its download.
 */
export function Lightbox({
  images,
  currentKey,
  onCurrentChange,
  onClose,
  older,
}: {
  /** Candidate images (allowlisted type, with an id), oldest first. */
  images: GalleryImage[];
  currentKey: string;
  onCurrentChange: (key: string) => void;
  onClose: () => void;
  /** Present when older messages, possibly with older images, are not loaded yet. */
  older?: { load: () => void; loading: boolean };
}) {
  const { accountId } = useAccount();
  const queryClient = useQueryClient();
  const found = images.findIndex((image) => galleryKey(image) === currentKey);
  const index = Math.max(0, found);
  const current = images[index];
  const previewOf = useCallback(
    (image: GalleryImage) =>
      attachmentQueries.preview(accountId, image.messageId, image.attachment.id ?? '', image.attachment.file_type),
    [accountId],
  );
  const preview = useQuery({ ...previewOf(current ?? PLACEHOLDER), enabled: !!current });
  const image = preview.data?.kind === 'image' ? preview.data : null;
  const notAnImage = preview.isError || (!!preview.data && !image);
  const url = useObjectUrl(image?.bytes, image?.type);
  const count = images.length;
  const name = current ? attachmentName(current.attachment) : 'Image';
  const canGoBack = index > 0 || !!older;
  const canGoOn = index < count - 1;

  // The neighbours are fetched ahead, so that stepping to them shows them at once (keyed by who they are).
  const neighbours = useRef<(GalleryImage | undefined)[]>([]);
  neighbours.current = [images[index - 1], images[index + 1]];
  const neighbourKeys = neighbours.current.map((neighbour) => (neighbour ? galleryKey(neighbour) : '')).join(' ');
  useEffect(() => {
    for (const neighbour of neighbours.current) if (neighbour) void queryClient.prefetchQuery(previewOf(neighbour));
  }, [neighbourKeys, queryClient, previewOf]);

  const move = (step: -1 | 1) => {
    if (step === -1 && index === 0) return older?.load();
    const next = images[index + step];
    if (next) onCurrentChange(galleryKey(next));
  };
  const stage = useRef<HTMLDivElement>(null);
  // Keyed by the image, so moving to another image starts it fitted again.
  const [zoom, setZoom] = useState<{ id: string; scale: number } | null>(null);
  const [natural, setNatural] = useState<{ id: string; width: number; height: number } | null>(null);
  const zoomed = !!current && zoom?.id === currentKey;
  const size = current && natural?.id === currentKey ? natural : null;
  const zoomScale = zoomed && zoom ? zoom.scale : 1;
  const toggleZoom = () => {
    if (zoomed || !current) return setZoom(null);
    const box = stage.current;
    // Actual size; an image smaller than the stage is shown at twice its size instead.
    const fits = !!size && !!box && size.width <= box.clientWidth && size.height <= box.clientHeight;
    setZoom({ id: currentKey, scale: fits ? 2 : 1 });
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

  const request = downloadRequest(accountId, current?.messageId ?? '', current?.attachment ?? {});
  const download = useDownloadState(request);

  return (
    <ViewerDialog
      testId="lightbox"
      title={name}
      onClose={onClose}
      description={
        <>
          {current?.sender || current?.sentAt ? (
            <span data-testid="lightbox-sender">
              {[current.sender, current.sentAt ? absoluteTime(current.sentAt) : null].filter(Boolean).join(' · ')}
              {' · '}
            </span>
          ) : null}
          <span data-testid="lightbox-counter">
            {older?.loading ? 'Loading older images…' : `${index + 1} of ${count}${older ? '+' : ''}`}
          </span>
          <span className="sr-only">
            {older ? ' (older messages may hold more)' : ''}. Use the left and right arrow keys to move between images.
          </span>
        </>
      }
      actions={
        <>
          <DownloadStatus size={current?.attachment.file_size} state={download} fileName={name} />
          <DownloadControl request={request} state={download} />
          <Button size="sm" variant="ghost" onClick={toggleZoom} disabled={!url}>
            {zoomed ? 'Zoom out' : 'Zoom in'}
          </Button>
        </>
      }
    >
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
                  id: currentKey,
                  width: event.currentTarget.naturalWidth,
                  height: event.currentTarget.naturalHeight,
                })
              }
              style={zoomed && size ? { width: size.width * zoomScale, height: size.height * zoomScale } : undefined}
              className={zoomed ? 'm-auto max-w-none shrink-0' : 'h-full w-full object-contain'}
            />
          ) : notAnImage ? (
            <p role="status" className="m-auto max-w-sm text-center text-[13px] text-neutral-300">
              No preview: this file is not an image it can show. Download it to open it.
            </p>
          ) : (
            <span role="status" className="m-auto text-[13px] text-neutral-300">
              Loading {name}…
            </span>
          )}
        </div>
        {count > 1 || older ? (
          <>
            <button
              type="button"
              onClick={() => move(-1)}
              disabled={!canGoBack || older?.loading}
              aria-label="Previous image"
              className="absolute top-1/2 left-2 flex h-10 w-10 -translate-y-1/2 items-center justify-center rounded-full bg-neutral-900/80 text-neutral-100 hover:bg-neutral-800 disabled:opacity-30"
            >
              <BackIcon size={20} />
            </button>
            <button
              type="button"
              onClick={() => move(1)}
              disabled={!canGoOn}
              aria-label="Next image"
              className="absolute top-1/2 right-2 flex h-10 w-10 -translate-y-1/2 items-center justify-center rounded-full bg-neutral-900/80 text-neutral-100 hover:bg-neutral-800 disabled:opacity-30"
            >
              <BackIcon size={20} className="rotate-180" />
            </button>
          </>
        ) : null}
      </div>
    </ViewerDialog>
  );
}
