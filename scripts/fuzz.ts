/**
 * `npm run fuzz`: the property-based fuzz of every `/sandbox` and `/api` route at scale, in-process on a seeded
 * database, printing how many cases ran and how many answered a 5xx or an error outside StackOne's shape.
 * Options: --cases N per way in (default 100,000), --seed S.
 */
import { parseArgs } from 'node:util';
import { createTestServer } from '../src/server/testing';
import {
  fuzzCases,
  fuzzTargets,
  SIGN_IN_FUZZ_SECRET,
  signInFuzzCases,
  signInFuzzServers,
  UNLIMITED,
  type Verdict,
} from '../src/server/testing-fuzz';

const { values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string' } } });
const total = Number(values.cases ?? 100_000);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(total) || total < 1) throw new Error('--cases takes a whole number');

const server = createTestServer({ seed: { messages: 2_000 }, config: UNLIMITED });
// The sign-in routes, on an inbox with the team password and on one with single sign-on (its provider away).
const signInServers = signInFuzzServers();
type Seen = (verdict: Verdict, what: string) => void;
type CasesOf = (record: Seen) => ReturnType<typeof fuzzCases>;
const targets: [string, CasesOf][] = [
  ...fuzzTargets(server).map(([target, send]): [string, CasesOf] => [
    target,
    (record) => fuzzCases(server, send, record),
  ]),
  ...signInServers.map(([mode, target]): [string, CasesOf] => [
    `/api/inbox (${mode})`,
    (record) => signInFuzzCases(target, SIGN_IN_FUZZ_SECRET, record),
  ]),
];
console.log(`fuzzing with seed ${seed}, ${total.toLocaleString('en')} cases per way in`);
const rows: string[][] = [];
let failed = 0;
for (const [target, casesOf] of targets) {
  const counts: Record<Verdict, number> = { ok: 0, 'server error': 0, 'bad error body': 0 };
  const examples: string[] = [];
  const cases = casesOf((verdict, what) => {
    counts[verdict]++;
    if (verdict !== 'ok' && examples.length < 5) examples.push(`${verdict}: ${what}`);
  });
  const weights = cases.reduce((sum, c) => sum + c.weight, 0);
  const started = performance.now();
  for (const { name, weight, run } of cases) {
    try {
      await run(Math.round((total * weight) / weights), seed);
    } catch (error) {
      console.error(`${target} · ${name}: ${(error as Error).message.split('\n').slice(0, 6).join('\n')}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const requests = counts.ok + counts['server error'] + counts['bad error body'];
  failed += counts['server error'] + counts['bad error body'];
  rows.push([
    target,
    requests.toLocaleString('en'),
    String(counts['server error']),
    String(counts['bad error body']),
    `${seconds.toFixed(1)} s`,
  ]);
  for (const example of examples) console.error(`  ${target} ${example}`);
}
server.close();
for (const [, target] of signInServers) target.close();

const header = ['way in', 'cases', '5xx', 'bad error bodies', 'time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
process.exit(failed === 0 ? 0 : 1);
