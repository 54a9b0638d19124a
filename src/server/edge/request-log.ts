import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/** What a route adds to its request's log line: who made it, and the event it was (sign-in, sign-out…). */
export interface LogFields {
  person?: string;
  event?: string;
  reason?: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    log: LogFields;
  }
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** Statuses that mean the server turned a request away: logged as refusals, at warn. */
const REFUSALS = new Set([401, 403, 413, 415, 421, 429]);

/**
 * One structured line per request: id, method, path (no query), status, duration and account. Never a body,
 * a cookie, a token or a key; the request id is also sent back as X-Request-Id, to find the line again.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const id = randomUUID();
    await next();
    c.res.headers.set('X-Request-Id', id);
    const status = c.res.status;
    const path = c.req.path;
    const line: Record<string, unknown> = {
      reqId: id,
      method: c.req.method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    const account = c.req.header('x-account-id');
    if (account) line.account = account.slice(0, 128);
    const fields = c.get('log');
    if (fields?.person) line.person = fields.person;
    if (fields?.reason) line.reason = fields.reason;
    if (fields?.event) {
      logger.info({ ...line, event: fields.event }, fields.event);
    } else if (REFUSALS.has(status)) {
      logger.warn({ ...line, event: 'refused' }, 'refused');
    } else if (status === 201 && c.req.method === 'POST' && path.startsWith('/api/')) {
      logger.info({ ...line, event: path.endsWith('/messages') ? 'send' : 'create' }, 'written');
    } else {
      logger.info(line, 'request');
    }
  };
}
