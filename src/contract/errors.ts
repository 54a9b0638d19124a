import type { ErrorBody } from './envelopes';

/** StackOne's default message per status, as its API reference words them. */
export const defaultMessages: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden resource',
  404: 'Not Found',
  408: 'Request timed out',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too many requests',
  500: 'Internal server error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
};

export function errorBody(statusCode: number, message?: string, now: Date = new Date()): ErrorBody {
  return {
    statusCode,
    message: message ?? defaultMessages[statusCode] ?? 'Error',
    timestamp: now.toISOString(),
  };
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
