import { useState } from 'react';
import type { Attachment } from '../../contract/models';
import { kindFromType } from '../../lib/file-kind';
import { attachmentName, CardOnly } from './file-card';
import { ImageAttachment } from './image-attachment';
import { Lightbox } from './lightbox';
import { MediaAttachment } from './media-attachment';
import { PdfAttachment } from './pdf-attachment';
import { TextAttachment } from './text-attachment';

/** Images above this size get a file card only: a thumbnail is not worth the bytes. */
const MAX_THUMBNAIL_BYTES = 10_000_000;
/** Audio, video and PDF above this size (or of an unknown size) get a file card only. */
const MAX_MEDIA_BYTES = 25_000_000;

const wantsThumbnail = (attachment: Attachment) =>
  kindFromType(attachment.file_type) === 'image' &&
  !!attachment.id &&
  (attachment.file_size ?? 0) <= MAX_THUMBNAIL_BYTES;

/** The declared type only picks which preview to try; the bytes decide whether it is shown. */
function previewOf(attachment: Attachment) {
  if (!attachment.id) return 'file';
  const kind = kindFromType(attachment.file_type);
  if (kind === 'image') return wantsThumbnail(attachment) ? 'image' : 'file';
  if (kind === 'audio' || kind === 'video' || kind === 'pdf') {
    const size = attachment.file_size;
    return size != null && size <= MAX_MEDIA_BYTES ? kind : 'file';
  }
  return kind;
}

/**
 * A message's attachments: thumbnails for raster images (opening a lightbox over the message's images), players
 * for audio and video, a PDF's first page drawn in a sandboxed frame, the beginning of text files — each once its bytes prove the
 * type — and file cards for the rest.
 */
export function AttachmentList({ messageId, attachments }: { messageId: string; attachments: Attachment[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  const images = attachments.filter(wantsThumbnail);
  return (
    <ul aria-label="Attachments" className="mt-1.5 mb-1 flex flex-wrap gap-2">
      {attachments.map((attachment, index) => {
        const key = attachment.id ?? index;
        const kind = previewOf(attachment);
        if (kind === 'image')
          return (
            <ImageAttachment
              key={key}
              messageId={messageId}
              attachment={attachment}
              onOpen={() => setOpen(attachment.id!)}
            />
          );
        if (kind === 'pdf') return <PdfAttachment key={key} messageId={messageId} attachment={attachment} />;
        if (kind === 'audio' || kind === 'video')
          return <MediaAttachment key={key} messageId={messageId} attachment={attachment} kind={kind} />;
        if (kind === 'text') return <TextAttachment key={key} messageId={messageId} attachment={attachment} />;
        return <CardOnly key={key} label={attachmentName(attachment)} messageId={messageId} attachment={attachment} />;
      })}
      {open ? (
        <Lightbox
          messageId={messageId}
          images={images}
          currentId={open}
          onCurrentChange={setOpen}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </ul>
  );
}
