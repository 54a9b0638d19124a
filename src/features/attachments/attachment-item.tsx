import type { Attachment } from '../../contract/models';
import { attachmentName, CardOnly } from './file-card';
import { ImageAttachment } from './image-attachment';
import { MediaAttachment } from './media-attachment';
import { PdfAttachment } from './pdf-attachment';
import { previewChoice } from './preview-choice';
import { TextAttachment } from './text-attachment';

/** One attachment as a list item: its preview where its type allows one (once its bytes prove it), or its card. */
export function AttachmentItem({
  messageId,
  attachment,
  onOpenImage,
}: {
  messageId: string;
  attachment: Attachment;
  /** Opens an image in the lightbox; without it a thumbnail is a plain image. */
  onOpenImage?: () => void;
}) {
  const kind = previewChoice(attachment);
  if (kind === 'image') return <ImageAttachment messageId={messageId} attachment={attachment} onOpen={onOpenImage} />;
  if (kind === 'pdf') return <PdfAttachment messageId={messageId} attachment={attachment} />;
  if (kind === 'audio' || kind === 'video')
    return <MediaAttachment messageId={messageId} attachment={attachment} kind={kind} />;
  if (kind === 'text') return <TextAttachment messageId={messageId} attachment={attachment} />;
  return <CardOnly label={attachmentName(attachment)} messageId={messageId} attachment={attachment} />;
}
