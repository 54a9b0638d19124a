import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../contract/errors';
import { ApiError, errorMessage, isRetryable } from './errors';

const body = (statusCode: number, message = 'x') => ({ statusCode, message, timestamp: '2026-01-01T00:00:00Z' });

describe('errors', () => {
  it('retries reads on network failures, timeouts, rate limits and server errors only', () => {
    for (const status of [0, 408, 429, 500, 502, 503, 504])
      expect(isRetryable(new ApiError(status, body(status))), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 412, 413, 422])
      expect(isRetryable(new ApiError(status, body(status))), String(status)).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('says what failed in the API’s words', () => {
    expect(errorMessage(new ApiError(404, body(404, 'Conversation "x" not found')))).toBe('Conversation "x" not found');
    expect(errorMessage(new ApiError(0, body(0)))).toMatch(/Could not reach/);
  });
});
