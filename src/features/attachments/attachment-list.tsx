import type { Attachment } from '../../contract/models';
import { kindFromType } from '../../lib/file-kind';
import { AttachmentFrame, attachmentName, FileCardRow } from './file-card';
import { ImageAttachment } from './image-attachment';

/** Images above this size get a file card only: a thumbnail is not worth the bytes. */
const MAX_THUMBNAIL_BYTES = 10_000_000;

const wantsThumbnail = (attachment: Attachment) =>
  kindFromType(attachment.file_type) === 'image' &&
  !!attachment.id &&
  (attachment.file_size ?? 0) <= MAX_THUMBNAIL_BYTES;

/** A message's attachments: thumbnails for raster images (once their bytes prove it), file cards for the rest. */
export function AttachmentList({ messageId, attachments }: { messageId: string; attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-1.5 mb-1 flex flex-wrap gap-2">
      {attachments.map((attachment, index) =>
        wantsThumbnail(attachment) ? (
          <ImageAttachment key={attachment.id ?? index} messageId={messageId} attachment={attachment} />
        ) : (
          <AttachmentFrame key={attachment.id ?? index} label={attachmentName(attachment)}>
            <FileCardRow messageId={messageId} attachment={attachment} />
          </AttachmentFrame>
        ),
      )}
    </ul>
  );
}
