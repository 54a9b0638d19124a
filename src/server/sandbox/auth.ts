import { timingSafeEqual } from 'node:crypto';

/**
 * StackOne's HTTP Basic auth: the API key as user name and an empty password. The key alone,
 * base64-encoded without the colon, is accepted too, as one of StackOne's guides shows it.
 */
export function keyFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return decoded;
  return decoded.slice(colon + 1) === '' ? decoded.slice(0, colon) : null;
}

export function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
