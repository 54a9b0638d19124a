/**
 * Lighthouse 12.8 on the built inbox: the desktop and mobile presets (mobile: simulated slow 4G and a 4× slower CPU),
 * in the light and the dark colour scheme.
 *
 * `runLighthouse(baseUrl)` audits an inbox that is already running and returns one row per form factor and scheme.
 * Alone, `node --import tsx scripts/bench-lighthouse.ts` builds the app, starts the inbox server on an in-memory
 * sandbox, prints the rows and stops the server (the build goes to STATIC_DIR, by default dist/, which the server
 * serves). Options: --url BASE (audit a running inbox instead), --no-build,
 * --schemes light,dark (default both), --form-factors desktop,mobile (default both), --runs N (median of N runs,
 * default 1), --out DIR (keep each run's HTML and JSON report).
 *
 * Chromium: CHROME_PATH, else CHROMIUM_PATH, else /usr/bin/chromium when present, else whatever chrome-launcher finds.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export type FormFactor = 'desktop' | 'mobile';
export type ColorScheme = 'light' | 'dark';

export interface LighthouseRow {
  formFactor: FormFactor;
  colorScheme: ColorScheme;
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits of the accessibility and best-practices categories that did not pass (scored or not), by id. */
  findings: string[];
  /** Lighthouse's measure of this machine's speed at the time (about 1,000–2,500 on a laptop; lower when busy). */
  benchmarkIndex: number;
}

export interface LighthouseOptions {
  formFactors?: FormFactor[];
  colorSchemes?: ColorScheme[];
  /** Runs per row; the row is the run with the median performance score. */
  runs?: number;
  /** Where to keep each run's report (`<form factor>-<scheme>-<run>.report.{html,json}`). */
  reportDir?: string;
}

const QUIET_FLAGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

function chromePath(): string | undefined {
  return [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path): path is string => Boolean(path) && existsSync(path!),
  );
}

function score(result: Result, category: string): number {
  return Math.round((result.categories[category]?.score ?? 0) * 100);
}

function numeric(result: Result, audit: string): number {
  return result.audits[audit]?.numericValue ?? Number.NaN;
}

function findings(result: Result): string[] {
  return ['accessibility', 'best-practices'].flatMap((category) =>
    (result.categories[category]?.auditRefs ?? [])
      .map((ref) => result.audits[ref.id]!)
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.id),
  );
}

/** One Lighthouse run in a fresh Chromium (a clean profile: no cache, no service worker, no stored theme). */
async function auditOnce(
  url: string,
  formFactor: FormFactor,
  colorScheme: ColorScheme,
): Promise<{ lhr: Result; html: string; json: string }> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: [
      ...QUIET_FLAGS,
      // Root (as on CI) runs Chromium only without its sandbox.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // prefers-color-scheme: dark, which the inbox follows unless a theme was chosen on the rail.
      ...(colorScheme === 'dark' ? ['--force-dark-mode'] : []),
    ],
  });
  try {
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const flags = {
      port: chrome.port,
      output: ['html', 'json'] as ('html' | 'json')[],
      logLevel: 'error' as const,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    };
    const runner = await lighthouse(url, flags, config);
    if (!runner) throw new Error('Lighthouse returned no result');
    if (runner.lhr.runtimeError) throw new Error(`Lighthouse: ${runner.lhr.runtimeError.message}`);
    const [html, json] = runner.report as string[];
    return { lhr: runner.lhr, html: html!, json: json! };
  } finally {
    chrome.kill();
  }
}

/** A run that Lighthouse itself could not record (a trace without navigation start, say) is run again, twice at most. */
async function auditWithRetries(url: string, formFactor: FormFactor, colorScheme: ColorScheme) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, formFactor, colorScheme);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`Lighthouse ${formFactor} ${colorScheme}, attempt ${attempt}: ${(error as Error).message}; again`);
    }
  }
}

/** Lighthouse on `baseUrl` (the inbox's first screen), each form factor in each colour scheme. */
export async function runLighthouse(baseUrl: string, options: LighthouseOptions = {}): Promise<LighthouseRow[]> {
  const { formFactors = ['desktop', 'mobile'], colorSchemes = ['light', 'dark'], runs = 1, reportDir } = options;
  const url = new URL('/', baseUrl).href;
  if (reportDir) mkdirSync(reportDir, { recursive: true });
  // A first answer before the first audit, so that no run pays for a cold server.
  await fetch(url).catch(() => undefined);
  const rows: LighthouseRow[] = [];
  for (const formFactor of formFactors) {
    for (const colorScheme of colorSchemes) {
      const results: Result[] = [];
      for (let run = 1; run <= runs; run++) {
        const { lhr, html, json } = await auditWithRetries(url, formFactor, colorScheme);
        results.push(lhr);
        if (reportDir) {
          const name = `${reportDir}/${formFactor}-${colorScheme}-${run}.report`;
          writeFileSync(`${name}.html`, html);
          writeFileSync(`${name}.json`, json);
        }
      }
      const sorted = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const result = sorted[Math.floor((sorted.length - 1) / 2)]!;
      rows.push({
        formFactor,
        colorScheme,
        performance: score(result, 'performance'),
        accessibility: score(result, 'accessibility'),
        bestPractices: score(result, 'best-practices'),
        fcpMs: numeric(result, 'first-contentful-paint'),
        lcpMs: numeric(result, 'largest-contentful-paint'),
        tbtMs: numeric(result, 'total-blocking-time'),
        cls: numeric(result, 'cumulative-layout-shift'),
        findings: findings(result),
        benchmarkIndex: Math.round(result.environment.benchmarkIndex),
      });
    }
  }
  return rows;
}

export function formatRows(rows: LighthouseRow[]): string {
  const header = ['form factor', 'scheme', 'perf', 'a11y', 'best pr.', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'machine'];
  const lines = rows.map((row) => [
    row.formFactor,
    row.colorScheme,
    String(row.performance),
    String(row.accessibility),
    String(row.bestPractices),
    row.fcpMs.toFixed(0),
    row.lcpMs.toFixed(0),
    row.tbtMs.toFixed(0),
    row.cls.toFixed(3),
    String(row.benchmarkIndex),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const notes = rows
    .filter((row) => row.findings.length > 0)
    .map((row) => `${row.formFactor} ${row.colorScheme}: ${row.findings.join(', ')}`);
  return [format(header), ...lines.map(format), ...(notes.length ? ['', 'not passing:', ...notes] : [])].join('\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The inbox server on an in-memory sandbox, as `npm start` runs it; resolves once it answers. */
async function startInbox(): Promise<{ baseUrl: string; stop: () => void }> {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SANDBOX_DB: ':memory:' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => void server.kill('SIGTERM');
  process.on('exit', stop);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      if (i > 1_200 || server.exitCode !== null) throw new Error('the inbox server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      schemes: { type: 'string', default: 'light,dark' },
      'form-factors': { type: 'string', default: 'desktop,mobile' },
      runs: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  let inbox: { baseUrl: string; stop: () => void } | null = null;
  if (!values.url) {
    const outDir = process.env.STATIC_DIR || 'dist';
    if (!values['no-build']) {
      const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
        stdio: 'inherit',
      });
      if (built.status !== 0) throw new Error('the build failed');
    }
    inbox = await startInbox();
  }
  try {
    const rows = await runLighthouse(values.url ?? inbox!.baseUrl, {
      formFactors: values['form-factors'].split(',') as FormFactor[],
      colorSchemes: values.schemes.split(',') as ColorScheme[],
      runs: Number(values.runs),
      ...(values.out ? { reportDir: values.out } : {}),
    });
    const { version } = createRequire(import.meta.url)('lighthouse/package.json') as { version: string };
    console.log(`\nLighthouse ${version} on ${values.url ?? 'the built inbox (in-memory sandbox)'}:\n`);
    console.log(formatRows(rows));
  } finally {
    inbox?.stop();
  }
}
