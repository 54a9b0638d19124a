import { z } from 'zod';

/** StackOne sends some booleans as `true`/`false` or as the strings `"true"`/`"false"`. */
export const lenientBoolean = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true');

export const isoDateTime = z.string().describe('ISO-8601 date-time');

/** Every field of every StackOne model may be missing or null. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish();
