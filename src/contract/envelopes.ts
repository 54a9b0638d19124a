import * as z from 'zod/mini';
import { isoDateTime, opt } from './primitives';

/** One provider request/response record, present when a request asks for `raw=true`. */
export const RawResponseSchema = z.object({
  method: z.string(),
  url: z.string(),
  body: opt(
    z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.int().check(z.minimum(0), z.maximum(255)))]),
  ),
  response: opt(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()])),
});

export const paginated = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    next: opt(z.string()),
    data: opt(z.array(item)),
    raw: opt(z.array(RawResponseSchema)),
  });

export const result = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    data: opt(item),
    raw: opt(z.array(RawResponseSchema)),
  });

/** The 201 answer of create_conversation and send_message: only ids, never the record. */
export const CreateResultSchema = z.object({
  statusCode: z.number(),
  message: z.string(),
  timestamp: isoDateTime,
  data: z.object({ id: opt(z.string()), remote_id: opt(z.string()) }),
});

export const ProviderErrorSchema = z.object({
  status: opt(z.number()),
  url: opt(z.string()),
  raw: opt(z.record(z.string(), z.unknown())),
  headers: opt(z.record(z.string(), z.unknown())),
});

/** StackOne's error body, the same for every status; extra keys are tolerated. */
export const ErrorBodySchema = z.looseObject({
  statusCode: z.number(),
  message: z.string(),
  timestamp: isoDateTime,
  data: opt(
    z.object({
      statusCode: opt(z.number()),
      message: opt(z.string()),
      headers: opt(z.record(z.string(), z.unknown())),
    }),
  ),
  provider_errors: opt(z.array(ProviderErrorSchema)),
});

export type RawResponse = z.infer<typeof RawResponseSchema>;
export type CreateResult = z.infer<typeof CreateResultSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export interface Paginated<T> {
  next?: string | null;
  data?: T[] | null;
  raw?: RawResponse[] | null;
}
export interface Result<T> {
  data?: T | null;
  raw?: RawResponse[] | null;
}
