import type { Attachment } from '../../contract/models';
import { attachmentName, PreviewCard } from './file-card';
import { useVerifiedPreview } from './use-verified-preview';

/**
 * A raster image: a thumbnail in a box sized before anything loads (360×240 at most, the image contained in it),
 * fetched only near the viewport and shown only once its bytes prove an allowlisted image; otherwise a file card.
 */
export function ImageAttachment({
  messageId,
  attachment,
  onOpen,
}: {
  messageId: string;
  attachment: Attachment;
  /** Opens the image in the lightbox; without it the thumbnail is a plain image. */
  onOpen?: () => void;
}) {
  const name = attachmentName(attachment);
  const { box, url, failed } = useVerifiedPreview(messageId, attachment, 'image');

  return (
    <PreviewCard
      messageId={messageId}
      attachment={attachment}
      box={box}
      failed={failed}
      ready={!!url}
      testId="thumbnail"
      className="flex aspect-[3/2] items-center justify-center bg-neutral-100 dark:bg-neutral-800"
    >
      {url && onOpen ? (
        <button
          type="button"
          onClick={onOpen}
          aria-label={`Open ${name}`}
          data-attachment-id={attachment.id}
          className="h-full w-full cursor-zoom-in focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
        >
          <img src={url} alt={name} decoding="async" className="h-full w-full object-contain" />
        </button>
      ) : url ? (
        <img src={url} alt={name} decoding="async" className="h-full w-full object-contain" />
      ) : null}
    </PreviewCard>
  );
}
