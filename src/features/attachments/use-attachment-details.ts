import { useQueries } from '@tanstack/react-query';
import { attachmentQueries } from '../../api/attachments';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';

/** Some providers list a message's attachments with only their ids; a card needs the name, type and size. */
export const incomplete = (attachment: Attachment) =>
  !!attachment.id && (!attachment.file_name?.trim() || !attachment.file_type || attachment.file_size == null);

/** The attachment with what the message left out taken from its get_attachment answer (when there is one). */
export function completed(attachment: Attachment, found: Attachment | null | undefined): Attachment {
  if (!found) return attachment;
  return {
    ...attachment,
    file_name: attachment.file_name?.trim() ? attachment.file_name : found.file_name,
    file_type: attachment.file_type || found.file_type,
    file_size: attachment.file_size ?? found.file_size,
  };
}

/**
 * The message's attachments, each with its details completed by get_attachment where the message left some out.
 * Until the answer comes (or if it fails), the attachment is shown with what the message said.
 */
export function useAttachmentDetails(messageId: string, attachments: Attachment[]): Attachment[] {
  const { accountId } = useAccount();
  const missing = attachments.filter(incomplete);
  const details = useQueries({
    queries: missing.map((attachment) => attachmentQueries.detail(accountId, messageId, attachment.id!)),
  });
  if (missing.length === 0) return attachments;
  return attachments.map((attachment) => {
    const index = missing.indexOf(attachment);
    return completed(attachment, index >= 0 ? details[index]!.data : null);
  });
}
