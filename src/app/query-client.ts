import { QueryClient } from '@tanstack/react-query';
import { ApiError, isRetryable } from '../api/errors';
import { backoffMs, READ_BACKOFF } from '../api/retry-policy';

const MAX_READ_RETRIES = 3;

/** The shared backoff, or exactly what Retry-After asks for. */
export function readRetryDelay(attempt: number, error: unknown, random = Math.random): number {
  return backoffMs(attempt, error instanceof ApiError ? error.retryAfter : null, READ_BACKOFF, random);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < MAX_READ_RETRIES && isRetryable(error),
        retryDelay: readRetryDelay,
        refetchOnWindowFocus: true,
        staleTime: 30_000,
      },
      // Writes never retry blindly: sends go through the outbox with an Idempotency-Key.
      mutations: { retry: false },
    },
  });
}
