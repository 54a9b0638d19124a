import { createRng } from '../seed/rng';
import { type FaultOperation, type FaultRule, WRITE_OPERATIONS } from './rules';

export const DEFAULT_FAULT_SEED = 1;

/** What to do to one request: wait this long first, then fail with this rule (or answer normally). */
export interface FaultDecision {
  delayMs: number;
  failure: FaultRule | null;
}

export interface FaultState {
  seed: number;
  /** The rules in order; a rule with a count also reports how many times it may still fire. */
  rules: (FaultRule & { remaining?: number })[];
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number | null;
  random: () => number;
}

const applies = (rule: FaultRule, operation: FaultOperation) =>
  rule.kind === 'store-then-500'
    ? (rule.operation === '*' || rule.operation === operation) && WRITE_OPERATIONS.includes(operation)
    : rule.operation === '*' || rule.operation === operation;

/**
 * The sandbox's fault rules and their counters. Rules are checked in order for each request:
 * delays that fire add up, and the first failure that fires decides the answer. A rate below 1
 * draws from a PRNG per rule, seeded anew whenever the rules are set, so a run is repeatable.
 */
export function createFaultSwitch(initial: FaultRule[] = [], initialSeed = DEFAULT_FAULT_SEED) {
  let seed = initialSeed;
  let active: ActiveRule[] = [];

  function replace(rules: FaultRule[], newSeed = DEFAULT_FAULT_SEED) {
    seed = newSeed;
    active = rules.map((rule, index) => ({
      rule,
      remaining: rule.count ?? null,
      random: createRng(seed + index).next,
    }));
  }
  replace(initial, initialSeed);

  return {
    replace,
    clear: () => replace([], seed),
    get empty() {
      return active.length === 0;
    },
    state(): FaultState {
      return {
        seed,
        rules: active.map(({ rule, remaining }) => (remaining === null ? { ...rule } : { ...rule, remaining })),
      };
    },
    /** Decides the fate of one request to this operation, spending counts as rules fire. */
    decide(operation: FaultOperation): FaultDecision {
      const decision: FaultDecision = { delayMs: 0, failure: null };
      for (const entry of active) {
        if (!applies(entry.rule, operation) || entry.remaining === 0) continue;
        const rate = entry.rule.rate ?? 1;
        const fires = rate >= 1 || (rate > 0 && entry.random() < rate);
        if (!fires) continue;
        if (entry.remaining !== null) entry.remaining -= 1;
        if (entry.rule.kind === 'delay') {
          decision.delayMs += entry.rule.delayMs ?? 0;
        } else {
          decision.failure = entry.rule;
          break;
        }
      }
      return decision;
    },
  };
}

export type FaultSwitch = ReturnType<typeof createFaultSwitch>;
