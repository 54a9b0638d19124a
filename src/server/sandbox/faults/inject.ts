import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultMessages } from '../../../contract/errors';
import { matchOperation } from '../../../contract/operations';
import type { SandboxEnv } from '../http';
import { Problem } from '../problem';
import type { FaultSwitch } from './fault-switch';
import { FAULT_OPERATIONS, type FaultOperation, type FaultRule } from './rules';

/** What @hono/node-server passes as `c.env` when a request came over HTTP; in-process requests have none. */
export type NodeBindings = { incoming?: IncomingMessage } | undefined;

/**
 * Thrown for `drop` on purpose as a non-Error: Hono's error handlers only catch Errors, so this
 * one escapes `app.fetch`, and an in-process caller (the BFF, tests) sees its fetch reject, as
 * a fetch over a connection that was cut does.
 */
export class DroppedConnection {
  readonly name = 'DroppedConnection';
  readonly message = 'The sandbox dropped the connection (fault switch)';
}

/** The operation a sandbox request calls, by its short name, or null. */
export function operationOf(method: string, path: string): FaultOperation | null {
  const at = path.indexOf('/unified/messaging/');
  if (at < 0) return null;
  const match = matchOperation(method, path.slice(at));
  if (match === null) return null;
  const name = match.operation.id.replace(/^messaging_/, '');
  return FAULT_OPERATIONS.includes(name as FaultOperation) ? (name as FaultOperation) : null;
}

const statusOf: Record<string, number> = { '429': 429, '408': 408, '500': 500, '502': 502, 'store-then-500': 500 };

function failure(rule: FaultRule): Problem {
  const status = statusOf[rule.kind] ?? 500;
  const headers: Record<string, string> = { 'X-Sandbox-Fault': rule.kind };
  if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
  return new Problem(status, defaultMessages[status] ?? 'Error', headers);
}

function drop(c: Context<SandboxEnv>): never {
  // Over HTTP the client sees the socket close with no answer at all.
  (c.env as NodeBindings)?.incoming?.socket.destroy();
  throw new DroppedConnection();
}

/** Applies the fault switch to the Messaging routes; mounted after the auth and account checks. */
export function injectFaults(faults: FaultSwitch): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (faults.empty) return next();
    const operation = operationOf(c.req.method, c.req.path);
    if (operation === null) return next();
    const { delayMs, failure: rule } = faults.decide(operation);
    if (delayMs > 0) await sleep(delayMs);
    if (rule === null) return next();
    if (rule.kind === 'drop') drop(c);
    if (rule.kind !== 'store-then-500') throw failure(rule);
    // The write commits (with its idempotency record) inside the route; only its answer is lost.
    await next();
    if (c.res.ok) throw failure(rule);
  };
}
