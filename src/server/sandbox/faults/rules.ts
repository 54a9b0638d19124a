import type { Parsed } from '../../../contract/query';

/** The 11 Messaging operations by StackOne's operation id without its `messaging_` prefix. */
export const FAULT_OPERATIONS = [
  'list_conversations',
  'create_conversation',
  'get_conversation',
  'list_conversation_messages',
  'get_message',
  'send_message',
  'list_attachments',
  'get_attachment',
  'download_messaging_attachment',
  'list_users',
  'get_user',
] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

/** The writes: the only operations `store-then-500` applies to. */
export const WRITE_OPERATIONS: readonly FaultOperation[] = ['send_message', 'create_conversation'];

export const FAULT_KINDS = ['429', '408', '500', '502', 'delay', 'drop', 'store-then-500'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  operation: FaultOperation | '*';
  kind: FaultKind;
  /** Share of matching requests that fail, 0..1 (default 1). */
  rate?: number;
  /** Fire at most this many times, then the rule is spent. */
  count?: number;
  /** `delay` only: how long to wait before answering. */
  delayMs?: number;
  /** `429` and `408` only: seconds in `Retry-After` (default 1). */
  retryAfter?: number;
}

export const MAX_DELAY_MS = 600_000;
export const MAX_RETRY_AFTER = 86_400;
const MAX_COUNT = 1_000_000_000;
/** Fields a rule may carry; `remaining` is what GET reports, accepted so its answer can be PUT back. */
const FIELDS = new Set(['operation', 'kind', 'rate', 'count', 'delayMs', 'retryAfter', 'remaining']);

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Checks one rule and fills in its defaults; the message names the field that is wrong. */
export function checkRule(input: unknown): Parsed<FaultRule> {
  const fail = (message: string): Parsed<FaultRule> => ({ ok: false, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('a rule must be an object');
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) return fail(`unknown field "${unknown}"`);

  const { operation, kind, rate = 1, count, delayMs, retryAfter } = raw;
  if (operation !== '*' && !FAULT_OPERATIONS.includes(operation as FaultOperation)) {
    return fail(`operation must be one of ${FAULT_OPERATIONS.join(', ')} or *, got ${JSON.stringify(operation)}`);
  }
  if (!FAULT_KINDS.includes(kind as FaultKind)) {
    return fail(`kind must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return fail('rate must be a number from 0 to 1');
  if (count !== undefined && !isInteger(count, 1, MAX_COUNT)) return fail('count must be a whole number of at least 1');

  const rule: FaultRule = { operation: operation as FaultRule['operation'], kind: kind as FaultKind, rate };
  if (count !== undefined) rule.count = count;
  if (kind === 'delay') {
    if (!isInteger(delayMs, 0, MAX_DELAY_MS))
      return fail(`delay needs delayMs, a whole number from 0 to ${MAX_DELAY_MS}`);
    rule.delayMs = delayMs;
  } else if (delayMs !== undefined) {
    return fail('delayMs belongs to kind delay only');
  }
  if (kind === '429' || kind === '408') {
    if (retryAfter !== undefined && !isInteger(retryAfter, 0, MAX_RETRY_AFTER)) {
      return fail(`retryAfter must be a whole number of seconds from 0 to ${MAX_RETRY_AFTER}`);
    }
    rule.retryAfter = retryAfter ?? 1;
  } else if (retryAfter !== undefined) {
    return fail('retryAfter belongs to kinds 429 and 408 only');
  }
  if (kind === 'store-then-500' && operation !== '*' && !WRITE_OPERATIONS.includes(operation as FaultOperation)) {
    return fail(`store-then-500 applies to ${WRITE_OPERATIONS.join(' and ')} (or *) only`);
  }
  return { ok: true, value: rule };
}
