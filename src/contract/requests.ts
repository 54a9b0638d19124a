import { z } from 'zod';
import { lenientBoolean, opt } from './primitives';

export const SendMessageBodySchema = z.object({
  content: opt(z.string()),
  recipient: opt(z.string()).describe('A conversation id, a user id, an email or a phone number'),
  sender: opt(z.string()).describe('The account id or phone number of the sender'),
});

export const CreateConversationBodySchema = z.object({
  participants: opt(z.array(z.string())),
  name: opt(z.string()),
  private: opt(lenientBoolean),
});

export type SendMessageBody = z.input<typeof SendMessageBodySchema>;
export type CreateConversationBody = z.input<typeof CreateConversationBodySchema>;
