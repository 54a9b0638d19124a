import { describe, expect, it } from 'vitest';
import { operations } from '../../../contract/operations';
import { readConfig } from '../../config';
import { formatRule, parseFaults } from './parse-env';
import { FAULT_OPERATIONS } from './rules';

describe('SANDBOX_FAULTS', () => {
  it('is off when unset or empty', () => {
    expect(parseFaults(undefined)).toEqual([]);
    expect(parseFaults(' , ')).toEqual([]);
    expect(readConfig({})).toMatchObject({ sandboxFaults: [], sandboxAdmin: true });
  });

  it('reads kinds, values, rates and counts, with their defaults', () => {
    const text =
      'send_message:500@0.5, create_conversation:store-then-500#1,list_conversations:delay=800,*:429=30@0.1,' +
      'get_user:408,list_users:502@.25#3,get_message:drop';
    expect(parseFaults(text)).toEqual([
      { operation: 'send_message', kind: '500', rate: 0.5 },
      { operation: 'create_conversation', kind: 'store-then-500', rate: 1, count: 1 },
      { operation: 'list_conversations', kind: 'delay', rate: 1, delayMs: 800 },
      { operation: '*', kind: '429', rate: 0.1, retryAfter: 30 },
      { operation: 'get_user', kind: '408', rate: 1, retryAfter: 1 },
      { operation: 'list_users', kind: '502', rate: 0.25, count: 3 },
      { operation: 'get_message', kind: 'drop', rate: 1 },
    ]);
    expect(readConfig({ SANDBOX_FAULTS: 'send_message:500', SANDBOX_ADMIN: 'off' })).toMatchObject({
      sandboxFaults: [{ operation: 'send_message', kind: '500', rate: 1 }],
      sandboxAdmin: false,
    });
  });

  it('writes rules back in the same syntax', () => {
    const text = 'send_message:500@0.5,create_conversation:store-then-500#1,list_users:delay=800,*:429=30@0.1#2';
    expect(parseFaults(text).map(formatRule).join(',')).toBe(
      'send_message:500@0.5,create_conversation:store-then-500#1,list_users:delay=800,*:429=30@0.1#2',
    );
  });

  it('refuses a bad item with a message that names it', () => {
    const bad: [string, RegExp][] = [
      ['send_message', /"send_message" is not operation:kind/],
      ['send_mesage:500', /"send_mesage:500": operation must be one of list_conversations, .* or \*/],
      ['send_message:503', /"send_message:503": kind must be one of 429, 408, 500, 502, delay, drop, store-then-500/],
      ['send_message:500@1.5', /"send_message:500@1.5": rate must be a number from 0 to 1/],
      ['send_message:500@', /rate must be a number/],
      ['send_message:500@half', /rate must be a number/],
      ['send_message:500#0', /"send_message:500#0": count must be a whole number/],
      ['send_message:500#2.5', /count must be a whole number/],
      ['list_users:delay', /"list_users:delay": delay needs its length in ms/],
      ['list_users:delay=-5', /delay needs delayMs/],
      ['list_users:delay=9999999', /delay needs delayMs, a whole number from 0 to 600000/],
      ['send_message:500=3', /only delay \(ms\) and 429\/408 \(Retry-After seconds\) take a =value/],
      ['send_message:429=1e3', /retryAfter must be a whole number/],
      ['list_users:store-then-500', /"list_users:store-then-500": store-then-500 applies to send_message and/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseFaults(`list_users:500,${text}`), text).toThrow(message);
      expect(() => parseFaults(text), text).toThrow(/^SANDBOX_FAULTS: /);
    }
    expect(() => readConfig({ SANDBOX_FAULTS: 'nope' })).toThrow(/SANDBOX_FAULTS: "nope"/);
    expect(() => readConfig({ SANDBOX_ADMIN: 'of' })).toThrow(/SANDBOX_ADMIN must be on or off, got "of"/);
  });

  it('names exactly the 11 Messaging operations', () => {
    const fromContract = operations.filter((o) => o.kind !== 'accounts').map((o) => o.id.replace(/^messaging_/, ''));
    expect([...FAULT_OPERATIONS].sort()).toEqual(fromContract.sort());
  });
});
