import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
/** Longer guesses are not passwords; they are refused before any hashing, so they cost nothing. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * The shared team password, kept only as a salted scrypt hash: a guess is hashed the same way and compared in
 * constant time, so neither the comparison nor the memory holds the password itself.
 */
export async function passwordChecker(password: string): Promise<(guess: string) => Promise<boolean>> {
  const salt = randomBytes(16);
  const expected = await derive(password, salt, KEY_LENGTH);
  return async (guess) => {
    if (guess.length === 0 || guess.length > MAX_PASSWORD_LENGTH) return false;
    return timingSafeEqual(await derive(guess, salt, KEY_LENGTH), expected);
  };
}
