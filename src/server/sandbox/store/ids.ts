import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new StackOne-style id: 16 lowercase letters and digits. */
export function newId(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

/** A provider-flavoured remote id for a new record. */
export function newRemoteId(provider: string, kind: 'conversation' | 'message', now: Date, isPrivate = false): string {
  const upper = newId(10).toUpperCase();
  if (provider === 'slack') {
    if (kind === 'message')
      return `${Math.floor(now.getTime() / 1000)}.${String(now.getTime() % 1000).padStart(3, '0')}${upper.slice(0, 3).replace(/\D/g, '0')}`;
    return `${isPrivate ? 'G' : 'C'}${upper}`;
  }
  if (provider === 'microsoft_teams') {
    if (kind === 'message') return String(now.getTime());
    return `19:${newId(32)}@thread.tacv2`;
  }
  // Snowflake-like ids for Discord and others.
  return ((BigInt(now.getTime() - 1420070400000) << 22n) | BigInt(randomBytes(2).readUInt16BE() & 0x3fffff)).toString();
}
