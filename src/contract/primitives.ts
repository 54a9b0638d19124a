import * as z from 'zod/mini';

/** StackOne sends some booleans as `true`/`false` or as the strings `"true"`/`"false"`. */
export const lenientBoolean = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false'])]),
  z.transform((value: boolean | 'true' | 'false') => value === true || value === 'true'),
);

/** An ISO-8601 date-time (kept as the string StackOne sent). */
export const isoDateTime = z.string();

/** Every field of every StackOne model may be missing or null. */
export const opt = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema);
