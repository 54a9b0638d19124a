/**
 * `npm test`: every check in order (types, lint, formatting, unit and route tests, build, browser tests), then one
 * line `N passed, N failed` that sums the test runners. Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const results = 'reports';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let ok = true;
function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const passed = run.status === 0;
  console.log(`${passed ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  ok &&= passed;
  return passed;
}

function vitestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A test file that fails to load has no assertions but must count as a failure.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  if (report.stats.flaky > 0) console.log(`\nPlaywright: ${report.stats.flaky} passed only on retry (flaky)`);
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

const npx = 'npx';
step('typecheck', npx, ['tsc', '--noEmit', '-p', '.']);
step('lint', npx, ['eslint', '.', '--max-warnings=0']);
step('format', npx, ['prettier', '--check', '.', '--log-level=warn']);
step('unit and route tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
const built = step('build', npx, ['vite', 'build', '--logLevel', 'warn']);
if (built) {
  step('browser tests', npx, ['playwright', 'test']);
}

const counts = [
  vitestCounts(`${results}/vitest.json`),
  built ? playwrightCounts(`${results}/playwright.json`) : { passed: 0, failed: 1, skipped: 0 },
];
const total = counts.reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
if (!ok && total.failed === 0) total.failed = 1; // a failed type check, lint or build counts as a failure
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(ok && total.failed === 0 ? 0 : 1);
