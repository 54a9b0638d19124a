import * as z from 'zod/mini';
import { isoDateTime, opt } from './primitives';

/** A linked account, as StackOne's `GET /accounts` lists it (a bare array, not an envelope). */
export const LinkedAccountSchema = z.object({
  id: z.string(),
  provider: z.string(),
  provider_name: opt(z.string()),
  origin_owner_id: z.string(),
  origin_owner_name: z.string(),
  origin_username: opt(z.string()),
  label: opt(z.string()),
  status: z.enum(['active', 'inactive', 'error']),
  type: opt(z.enum(['production', 'test'])),
  created_at: isoDateTime,
  updated_at: isoDateTime,
});

export const LinkedAccountListSchema = z.array(LinkedAccountSchema);

export type LinkedAccount = z.infer<typeof LinkedAccountSchema>;
