import { describe, expect, it } from 'vitest';
import { createFaultSwitch } from './fault-switch';
import type { FaultOperation, FaultRule } from './rules';

const kindsOf = (faults: ReturnType<typeof createFaultSwitch>, operation: FaultOperation, times: number) =>
  Array.from({ length: times }, () => faults.decide(operation).failure?.kind ?? 'ok');

describe('the fault switch', () => {
  it('decides nothing when it has no rules', () => {
    const faults = createFaultSwitch();
    expect(faults.empty).toBe(true);
    expect(faults.decide('send_message')).toEqual({ delayMs: 0, failure: null });
  });

  it('fails every matching request at rate 1 and none at rate 0; other operations pass', () => {
    const faults = createFaultSwitch([
      { operation: 'send_message', kind: '500', rate: 1 },
      { operation: 'list_users', kind: '502', rate: 0 },
    ]);
    expect(kindsOf(faults, 'send_message', 3)).toEqual(['500', '500', '500']);
    expect(kindsOf(faults, 'list_users', 3)).toEqual(['ok', 'ok', 'ok']);
    expect(kindsOf(faults, 'get_user', 1)).toEqual(['ok']);
  });

  it('fails the next N matching requests with a count, then lets them through', () => {
    const faults = createFaultSwitch([{ operation: 'send_message', kind: '429', rate: 1, count: 2, retryAfter: 1 }]);
    expect(faults.state().rules[0]).toMatchObject({ count: 2, remaining: 2 });
    expect(kindsOf(faults, 'get_user', 2)).toEqual(['ok', 'ok']);
    expect(kindsOf(faults, 'send_message', 4)).toEqual(['429', '429', 'ok', 'ok']);
    expect(faults.state().rules[0]).toMatchObject({ count: 2, remaining: 0 });
  });

  it('draws a rate from a seeded PRNG: the same seed repeats the same run, and the share is near the rate', () => {
    const rules: FaultRule[] = [{ operation: '*', kind: '500', rate: 0.3 }];
    const run = (seed?: number) => kindsOf(createFaultSwitch(rules, seed), 'list_users', 2000);
    const a = run();
    expect(run()).toEqual(a);
    expect(run(7)).not.toEqual(a);
    const share = a.filter((kind) => kind === '500').length / a.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it('with a rate and a count, fires at that rate until the count is spent', () => {
    const faults = createFaultSwitch([{ operation: 'get_user', kind: '500', rate: 0.5, count: 5 }]);
    const kinds = kindsOf(faults, 'get_user', 200);
    expect(kinds.filter((kind) => kind === '500')).toHaveLength(5);
    expect(kinds.slice(0, 5)).not.toEqual(['500', '500', '500', '500', '500']);
  });

  it('adds up the delays that fire and stops at the first failure that fires', () => {
    const faults = createFaultSwitch([
      { operation: '*', kind: 'delay', rate: 1, delayMs: 100 },
      { operation: 'list_users', kind: 'delay', rate: 1, delayMs: 50 },
      { operation: 'list_users', kind: '502', rate: 1, count: 1 },
      { operation: 'list_users', kind: '500', rate: 1, count: 1 },
      { operation: 'list_users', kind: 'delay', rate: 1, delayMs: 1000 },
    ]);
    expect(faults.decide('list_users')).toMatchObject({ delayMs: 150, failure: { kind: '502' } });
    expect(faults.decide('list_users')).toMatchObject({ delayMs: 150, failure: { kind: '500' } });
    expect(faults.decide('list_users')).toEqual({ delayMs: 1150, failure: null });
    expect(faults.decide('get_user')).toEqual({ delayMs: 100, failure: null });
  });

  it('applies store-then-500 only to the two writes, also under *', () => {
    const faults = createFaultSwitch([{ operation: '*', kind: 'store-then-500', rate: 1 }]);
    expect(kindsOf(faults, 'send_message', 1)).toEqual(['store-then-500']);
    expect(kindsOf(faults, 'create_conversation', 1)).toEqual(['store-then-500']);
    expect(kindsOf(faults, 'list_conversations', 1)).toEqual(['ok']);
  });

  it('replaces the rules with fresh counters and a new seed, and clears them', () => {
    const faults = createFaultSwitch([{ operation: 'get_user', kind: '500', rate: 1, count: 1 }]);
    expect(kindsOf(faults, 'get_user', 2)).toEqual(['500', 'ok']);
    faults.replace([{ operation: 'get_user', kind: '500', rate: 1, count: 1 }], 42);
    expect(faults.state()).toEqual({
      seed: 42,
      rules: [{ operation: 'get_user', kind: '500', rate: 1, count: 1, remaining: 1 }],
    });
    expect(kindsOf(faults, 'get_user', 2)).toEqual(['500', 'ok']);
    faults.clear();
    expect(faults.empty).toBe(true);
    expect(faults.state()).toEqual({ seed: 42, rules: [] });
  });
});
