import { useState } from 'react';
import type { Attachment } from '../../contract/models';
import { AttachmentItem } from './attachment-item';
import { useGallery } from './conversation-gallery';
import { Lightbox } from './lightbox';
import { galleryKey, wantsThumbnail } from './preview-choice';
import { useAttachmentDetails } from './use-attachment-details';

/**
 * A message's attachments: thumbnails for raster images, players for audio and video, a PDF's first page drawn in
 * a sandboxed frame, the beginning of text files — each once its bytes prove the type — and file cards for the
 * rest. A thumbnail opens the conversation's lightbox when there is one, otherwise a lightbox of this message.
 */
export function AttachmentList({ messageId, attachments: listed }: { messageId: string; attachments: Attachment[] }) {
  const attachments = useAttachmentDetails(messageId, listed);
  const gallery = useGallery();
  const [open, setOpen] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  const openImage = (attachment: Attachment) => {
    if (gallery) gallery.open({ messageId, attachment });
    else setOpen(galleryKey({ messageId, attachment }));
  };
  return (
    <ul aria-label="Attachments" className="mt-1.5 mb-1 flex flex-wrap gap-2">
      {attachments.map((attachment, index) => (
        <AttachmentItem
          key={attachment.id ?? index}
          messageId={messageId}
          attachment={attachment}
          onOpenImage={() => openImage(attachment)}
        />
      ))}
      {open ? (
        <Lightbox
          images={attachments.filter(wantsThumbnail).map((attachment) => ({ messageId, attachment }))}
          currentKey={open}
          onCurrentChange={setOpen}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </ul>
  );
}
