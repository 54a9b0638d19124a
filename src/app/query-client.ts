import { QueryClient } from '@tanstack/react-query';
import { ApiError, isRetryable } from '../api/errors';

const MAX_READ_RETRIES = 3;

/** Backoff with full jitter, or exactly what Retry-After asks for. */
export function readRetryDelay(attempt: number, error: unknown, random = Math.random): number {
  if (error instanceof ApiError && error.retryAfter !== null) return Math.min(error.retryAfter, 60) * 1000;
  const ceiling = Math.min(8_000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
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
