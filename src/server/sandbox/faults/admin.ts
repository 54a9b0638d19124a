import type { Handler } from 'hono';
import type { Parsed } from '../../../contract/query';
import { MAX_REQUEST_BODY } from '../../edge/body-limit';
import type { SandboxEnv } from '../http';
import { Problem } from '../problem';
import type { FaultSwitch } from './fault-switch';
import type { NodeBindings } from './inject';
import { checkRule, type FaultRule } from './rules';

export const FAULTS_ADMIN_PATH = '/_faults';
const MAX_RULES = 100;
const MAX_SEED = 0xffffffff;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address) || /^::ffff:127\.\d+\.\d+\.\d+$/i.test(address);
}

/**
 * Whether a request may use the admin route: it came over a loopback socket or in-process (no
 * socket), and not through a proxy, which would make any remote client look local.
 */
export function isLocalRequest(socket: { remoteAddress?: string } | undefined, headers: Headers): boolean {
  if (headers.has('forwarded') || headers.has('x-forwarded-for')) return false;
  return socket === undefined || isLoopbackAddress(socket.remoteAddress);
}

/** The PUT body: a list of rules, or `{"rules": [...], "seed": n}`. */
export function parseAdminBody(text: string): Parsed<{ rules: FaultRule[]; seed?: number }> {
  const fail = (message: string) => ({ ok: false, message }) as const;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('Request body is not valid JSON');
  }
  let list: unknown = json;
  let seed: number | undefined;
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const { rules, seed: givenSeed, ...rest } = json as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
      return fail(`Unknown field "${extra}": send a list of rules, or {"rules": [...], "seed": n}`);
    if (givenSeed !== undefined) {
      if (typeof givenSeed !== 'number' || !Number.isInteger(givenSeed) || givenSeed < 0 || givenSeed > MAX_SEED) {
        return fail(`seed must be a whole number from 0 to ${MAX_SEED}`);
      }
      seed = givenSeed;
    }
    list = rules;
  }
  if (!Array.isArray(list)) return fail('Request body must be a list of rules, or {"rules": [...], "seed": n}');
  if (list.length > MAX_RULES) return fail(`At most ${MAX_RULES} rules`);
  const checked: FaultRule[] = [];
  for (const [index, input] of list.entries()) {
    const rule = checkRule(input);
    if (!rule.ok) return fail(`rules[${index}]: ${rule.message}`);
    checked.push(rule.value);
  }
  return { ok: true, value: seed === undefined ? { rules: checked } : { rules: checked, seed } };
}

/**
 * GET reads, PUT replaces and DELETE clears the fault rules. A test hook with no API key, so it
 * answers only local requests, and only while enabled; otherwise it does not exist (404).
 */
export function faultAdmin(faults: FaultSwitch, enabled: boolean): Handler<SandboxEnv> {
  return async (c) => {
    const method = c.req.method;
    const socket = (c.env as NodeBindings)?.incoming?.socket;
    if (!enabled || !isLocalRequest(socket, c.req.raw.headers) || !['GET', 'PUT', 'DELETE'].includes(method)) {
      throw new Problem(404, `No route for ${method} ${new URL(c.req.url).pathname}`);
    }
    if (method === 'PUT') {
      const body = await c.req.arrayBuffer();
      if (body.byteLength > MAX_REQUEST_BODY)
        throw new Problem(413, `Request body is larger than ${MAX_REQUEST_BODY} bytes`);
      const parsed = parseAdminBody(new TextDecoder().decode(body));
      if (!parsed.ok) throw new Problem(400, parsed.message);
      faults.replace(parsed.value.rules, parsed.value.seed);
    }
    if (method === 'DELETE') faults.clear();
    return c.json(faults.state(), 200, { 'Cache-Control': 'no-store' });
  };
}
