import * as z from 'zod/mini';
import { lenientBoolean, opt } from './primitives';

export const SendMessageBodySchema = z.object({
  content: opt(z.string()),
  /** A conversation id, a user id, an email or a phone number. */
  recipient: opt(z.string()),
  /** The account id or phone number of the sender. */
  sender: opt(z.string()),
});

export const CreateConversationBodySchema = z.object({
  participants: opt(z.array(z.string())),
  name: opt(z.string()),
  private: opt(lenientBoolean),
});

export type SendMessageBody = z.input<typeof SendMessageBodySchema>;
export type CreateConversationBody = z.input<typeof CreateConversationBodySchema>;
