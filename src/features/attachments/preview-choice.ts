import type { Attachment } from '../../contract/models';
import { kindFromType } from '../../lib/file-kind';

/** Images above this size get a file card only: a thumbnail is not worth the bytes. */
const MAX_THUMBNAIL_BYTES = 10_000_000;
/** Audio, video and PDF above this size (or of an unknown size) get a file card only. */
const MAX_MEDIA_BYTES = 25_000_000;

/** An attachment that gets a thumbnail (and a place in the lightbox), once its bytes prove a raster image. */
export const wantsThumbnail = (attachment: Attachment) =>
  kindFromType(attachment.file_type) === 'image' &&
  !!attachment.id &&
  (attachment.file_size ?? 0) <= MAX_THUMBNAIL_BYTES;

/** The declared type only picks which preview to try; the bytes decide whether it is shown. */
export function previewChoice(attachment: Attachment) {
  if (!attachment.id) return 'file';
  const kind = kindFromType(attachment.file_type);
  if (kind === 'image') return wantsThumbnail(attachment) ? 'image' : 'file';
  if (kind === 'audio' || kind === 'video' || kind === 'pdf') {
    const size = attachment.file_size;
    return size != null && size <= MAX_MEDIA_BYTES ? kind : 'file';
  }
  return kind;
}

/** One image of the lightbox: which message it belongs to, and the attachment. */
export interface GalleryImage {
  messageId: string;
  attachment: Attachment;
  /** Who sent the message the image came with, and when. */
  sender?: string | null;
  sentAt?: string | null;
}

export const galleryKey = (image: { messageId: string; attachment: Attachment }) =>
  `${image.messageId}/${image.attachment.id ?? ''}`;
