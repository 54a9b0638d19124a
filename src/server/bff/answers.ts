import { errorBody } from '../../contract/errors';

/** Headers every JSON answer of /api carries. */
export const jsonHeaders: Record<string, string> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, ...headers } });
}

/** An error in StackOne's shape, `{statusCode, message, timestamp}`. */
export function errorAnswer(status: number, message?: string, headers: Record<string, string> = {}): Response {
  return jsonAnswer(status, errorBody(status, message), headers);
}
