import type { Attachment, Message } from '../../contract/models';
import { categoryOf, type FileCategory } from './file-category';
import { galleryKey } from './preview-choice';
import { personName } from '../../contract/people';

/** One attachment of a conversation, with the message it came with. */
export interface ConversationFile {
  key: string;
  messageId: string;
  attachment: Attachment;
  senderId: string | null;
  senderName: string | null;
  sentAt: string | null;
  category: FileCategory;
}

/** Every attachment of the messages (newest first, as pages hold them), in the same order; each once. */
export function filesOf(messages: readonly (Message | undefined)[]): ConversationFile[] {
  const files: ConversationFile[] = [];
  const seen = new Set<string>();
  for (const message of messages) {
    if (!message?.id) continue;
    for (const attachment of message.attachments ?? []) {
      if (!attachment.id) continue;
      const key = galleryKey({ messageId: message.id, attachment });
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({
        key,
        messageId: message.id,
        attachment,
        senderId: message.author?.id ?? null,
        senderName: message.author ? personName(message.author) : null,
        sentAt: message.created_at ?? null,
        category: categoryOf(attachment.file_type),
      });
    }
  }
  return files;
}
