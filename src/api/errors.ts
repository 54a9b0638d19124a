import type { ErrorBody } from '../contract/envelopes';
import { isTransientStatus } from './retry-policy';

/** A failed API call: the HTTP status (0 when the network failed), StackOne's error body and Retry-After. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    /** Seconds to wait before trying again, when the server said so. */
    readonly retryAfter: number | null = null,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Whether a read may be tried again: network failures, timeouts, rate limits and server errors. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && isTransientStatus(error.status);
}

/** What to tell a person about an error, in a sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetwork) return 'Could not reach the inbox server. Check your connection.';
    return error.body.message || `The request failed (${error.status}).`;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
