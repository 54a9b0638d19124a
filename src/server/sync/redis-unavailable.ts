/** Redis, which the inbox's instances share, did not answer: said as such, and not blamed on StackOne. */
export class RedisUnavailable extends Error {
  constructor(cause?: unknown) {
    super('Could not reach Redis, which this inbox shares with its other instances: try again in a moment', { cause });
    this.name = 'RedisUnavailable';
  }
}

/** A Redis call whose failure becomes a RedisUnavailable. */
export async function viaRedis<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof RedisUnavailable ? error : new RedisUnavailable(error);
  }
}
