/** Opaque page cursors: base64url JSON tagged with the list they belong to. */

export function encodeCursor(list: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** The key of a cursor made for `list`, or null when it is not one of ours. */
export function decodeCursor(list: string, cursor: string, shape: readonly ('s' | 'n')[]): (string | number)[] | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== shape.length + 1) return null;
  const key = parsed.slice(1) as unknown[];
  const valid = key.every((value, i) =>
    shape[i] === 'n' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string',
  );
  return valid ? (key as (string | number)[]) : null;
}
