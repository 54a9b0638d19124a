import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { createQueryClient, readRetryDelay } from './query-client';

const error = (status: number, retryAfter: number | null = null) =>
  new ApiError(status, { statusCode: status, message: 'x', timestamp: '2026-01-01T00:00:00Z' }, retryAfter);

describe('read retries', () => {
  it('honours Retry-After exactly', () => {
    expect(readRetryDelay(0, error(429, 3))).toBe(3000);
  });

  it('backs off with jitter between half and all of an exponential ceiling', () => {
    expect(readRetryDelay(0, error(503), () => 0)).toBe(250);
    expect(readRetryDelay(0, error(503), () => 1)).toBe(500);
    expect(readRetryDelay(3, error(503), () => 1)).toBe(4000);
    expect(readRetryDelay(10, error(503), () => 1)).toBe(8000);
  });

  it('retries at most three times and never other 4xx', () => {
    const retry = createQueryClient().getDefaultOptions().queries!.retry as (n: number, e: unknown) => boolean;
    expect(retry(0, error(503))).toBe(true);
    expect(retry(2, error(503))).toBe(true);
    expect(retry(3, error(503))).toBe(false);
    expect(retry(0, error(404))).toBe(false);
    expect(retry(0, error(429))).toBe(true);
  });
});
