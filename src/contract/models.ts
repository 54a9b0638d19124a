import * as z from 'zod/mini';
import { isoDateTime, lenientBoolean, opt } from './primitives';

export const MessageContentSchema = z.object({
  html: opt(z.string()),
  plain: opt(z.string()),
});

/** The message author; StackOne reuses its LMS user schema here. */
export const AuthorSchema = z.object({
  id: opt(z.string()),
  remote_id: opt(z.string()),
  unified_custom_fields: opt(z.record(z.string(), z.unknown())),
  external_reference: opt(z.string()),
  name: opt(z.string()),
  email: opt(z.string()),
  phone_number: opt(z.string()),
  active: opt(lenientBoolean),
  created_at: opt(isoDateTime),
  updated_at: opt(isoDateTime),
});

export const AttachmentSchema = z.object({
  id: opt(z.string()),
  remote_id: opt(z.string()),
  file_name: opt(z.string()),
  file_size: opt(z.number()),
  file_type: opt(z.string()),
});

export const MessageSchema = z.object({
  id: opt(z.string()),
  remote_id: opt(z.string()),
  content: opt(MessageContentSchema),
  parent_message_id: opt(z.string()),
  attachments: opt(z.array(AttachmentSchema)),
  author: opt(AuthorSchema),
  created_at: opt(isoDateTime),
  updated_at: opt(isoDateTime),
});

export const ConversationSchema = z.object({
  id: opt(z.string()),
  remote_id: opt(z.string()),
  participants: opt(z.array(z.string())),
  name: opt(z.string()),
  private: opt(lenientBoolean),
  created_at: opt(isoDateTime),
  last_message_at: opt(isoDateTime),
});

export const UserSchema = z.object({
  id: opt(z.string()),
  remote_id: opt(z.string()),
  email: opt(z.string()),
  username: opt(z.string()),
  name: opt(z.string()),
  first_name: opt(z.string()),
  last_name: opt(z.string()),
  bot: opt(lenientBoolean),
  active: opt(lenientBoolean),
});

export type MessageContent = z.infer<typeof MessageContentSchema>;
export type Author = z.infer<typeof AuthorSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
export type User = z.infer<typeof UserSchema>;
