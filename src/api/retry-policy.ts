/**
 * When a request may be tried again, and after how long: one policy for reads (react-query) and sends (the outbox).
 * Status 0 is a request that got no answer (the network, or the server away).
 */
export const isTransientStatus = (status: number): boolean =>
  status === 0 || status === 408 || status === 429 || status >= 500;

export interface Backoff {
  /** The ceiling of the first wait; it doubles with each attempt up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** The longest Retry-After honoured as it is. */
  maxRetryAfterSeconds: number;
}

export const READ_BACKOFF: Backoff = { baseMs: 500, maxMs: 8_000, maxRetryAfterSeconds: 60 };
export const SEND_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 30_000, maxRetryAfterSeconds: 120 };

/** Exactly what Retry-After asks for (capped), else exponential backoff with jitter over the upper half. */
export function backoffMs(
  attempt: number,
  retryAfterSeconds: number | null,
  policy: Backoff,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== null) return Math.min(retryAfterSeconds, policy.maxRetryAfterSeconds) * 1000;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
