import { checkRule, type FaultRule } from './rules';

const ITEM = /^([^:]+):([^=@#]+)(?:=([^@#]*))?(?:@([^#]*))?(?:#(.*))?$/;
const SYNTAX = 'operation:kind[=value][@rate][#count]';

/** A number from the variable's text, or NaN when it is not plainly one ("", "1e3" and "0x10" are not). */
function number(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\d+(\.\d+)?$|^\.\d+$/.test(text.trim()) ? Number(text) : NaN;
}

/**
 * Parses SANDBOX_FAULTS: comma-separated `operation:kind[=value][@rate][#count]`, e.g.
 * `send_message:500@0.5,list_users:delay=800,*:429=30@0.1,create_conversation:store-then-500#1`.
 * The value is the delay in ms for `delay` and the Retry-After seconds for `429`/`408`.
 * Throws an error that names the bad item.
 */
export function parseFaults(text: string | undefined, name = 'SANDBOX_FAULTS'): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const item of (text ?? '').split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const match = ITEM.exec(item);
    if (!match) throw new Error(`${name}: "${item}" is not ${SYNTAX}`);
    const [, operation, kind, value, rate, count] = match.map((part) => part?.trim());
    const input: Record<string, unknown> = { operation, kind };
    if (rate !== undefined) input.rate = number(rate);
    if (count !== undefined) input.count = number(count);
    if (value !== undefined) {
      if (kind === 'delay') input.delayMs = number(value);
      else if (kind === '429' || kind === '408') input.retryAfter = number(value);
      else throw new Error(`${name}: "${item}": only delay (ms) and 429/408 (Retry-After seconds) take a =value`);
    } else if (kind === 'delay') {
      throw new Error(`${name}: "${item}": delay needs its length in ms, e.g. ${operation}:delay=800`);
    }
    const checked = checkRule(input);
    if (!checked.ok) throw new Error(`${name}: "${item}": ${checked.message}`);
    rules.push(checked.value);
  }
  return rules;
}

/** A rule in SANDBOX_FAULTS's syntax, for the start-up banner. */
export function formatRule(rule: FaultRule): string {
  let text = `${rule.operation}:${rule.kind}`;
  if (rule.delayMs !== undefined) text += `=${rule.delayMs}`;
  if (rule.retryAfter !== undefined) text += `=${rule.retryAfter}`;
  if (rule.rate !== undefined && rule.rate !== 1) text += `@${rule.rate}`;
  if (rule.count !== undefined) text += `#${rule.count}`;
  return text;
}
