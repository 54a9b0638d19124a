/**
 * `npm run bench`: the performance record. Builds the app, seeds the demo data `npm start` seeds, and measures what a
 * person sees (a conversation opened, revisited, a permalink far back, the first load's JavaScript, Lighthouse) and
 * the sandbox beside its peers. Prints one table and writes BENCHMARKS.md. Bounded: a few minutes, loopback only,
 * every process it starts is stopped. Options: --seconds S per sandbox route (default 3), --runs N Lighthouse runs
 * per row (default 1), --no-peers (the sandbox without json-server and Prism), --no-lighthouse.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/server/config';
import { seedFile } from '../src/server/sandbox/seed/seed-file';
import { openDb } from '../src/server/sandbox/store/db';
import { formatRows, runLighthouse, type LighthouseRow } from './bench-lighthouse';
import { benchSandbox, formatRow, TABLE_HEADER, type SandboxBenchResult } from './bench-sandbox';
import { killAllNow, startInbox, stopAll } from './bench-sandbox-peers';
import { deepMessageOf, measureUi, openTargets, type UiFigures } from './bench-ui';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    runs: { type: 'string', default: '1' },
    'no-peers': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});
const key = 'bench_key';
const dbPath = 'data/bench/demo.db';
process.on('exit', killAllNow);

// 0. The app the server serves must be the current build.
spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

// 1. The demo data, as `npm start` seeds it.
mkdirSync('data/bench', { recursive: true });
rmSync(dbPath, { force: true });
const seedMessages = readConfig({}).seedMessages;
seedFile(dbPath, { messages: seedMessages });
const db = openDb(dbPath);
const account = db.prepare('SELECT id FROM accounts ORDER BY created_at, id LIMIT 1').get() as { id: string };
const big = db
  .prepare(
    `SELECT c.pk, c.id, (SELECT count(*) FROM messages m WHERE m.conversation_pk = c.pk) AS n
     FROM conversations c WHERE c.account_id = ? ORDER BY n DESC LIMIT 1`,
  )
  .get(account.id) as { pk: number; id: string; n: number };
const deep = deepMessageOf(db, big);
db.close();

// 2. The inbox server, as `npm start` runs it.
const { base } = await startInbox(dbPath, key);
const headers = { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'x-account-id': account.id };

// 3. What a person sees, in Chromium.
const listed = (await (
  await fetch(`${base}/sandbox/unified/messaging/conversations?page_size=10&fields=id`, { headers })
).json()) as { data: { id: string }[] };
const others = listed.data.map((c) => c.id).filter((id) => id !== big.id);
const [bigTarget] = await openTargets(base, headers, [big.id]);
const ui = await measureUi(
  base,
  account.id,
  await openTargets(base, headers, others.slice(0, 9)),
  bigTarget!,
  undefined,
  deep,
);
const lighthouse: LighthouseRow[] = values['no-lighthouse']
  ? []
  : await runLighthouse(base, { runs: Number(values.runs), reportDir: 'data/bench/lighthouse' });
await stopAll();

// 4. The sandbox beside a bare node:http server on the same bytes, json-server and Prism.
const sandbox = await benchSandbox({ seconds: Number(values.seconds), peers: !values['no-peers'], log: () => {} });

// 5. The record.
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const spread = (list: number[]) =>
  `${Math.round(Math.min(...list))}–${Math.round(Math.max(...list))} ms, median ${Math.round(median(list))}`;
interface Figure {
  figure: string;
  now: string;
  target: string;
  met: boolean | null;
}
const figures = recordOf(ui, sandbox, lighthouse);

function recordOf(ui: UiFigures, sandbox: SandboxBenchResult, lighthouse: LighthouseRow[]): Figure[] {
  const rows: Figure[] = [
    {
      figure: 'click → newest message on screen, first open of a conversation',
      now: spread(ui.coldOpenMs),
      target: '≤ 150 ms',
      met: median(ui.coldOpenMs) <= 150,
    },
    {
      figure: 'the same, revisiting a conversation already in the cache',
      now: spread(ui.cachedSwitchMs),
      target: '≤ 50 ms',
      met: median(ui.cachedSwitchMs) <= 50,
    },
    {
      figure: 'initial JS (entry + modulepreloads, gzip)',
      now: `${ui.initialJsGzipKb.toFixed(1)} KB`,
      target: '≤ 110 KB',
      met: ui.initialJsGzipKb <= 110,
    },
  ];
  for (const route of sandbox.rows) {
    const share = route.sandboxRps / route.nodeHttpRps;
    rows.push({
      figure: `sandbox, ${route.route}, req/s (node:http on the same ${route.bytes.toLocaleString('en')} bytes)`,
      now: `${Math.round(route.sandboxRps).toLocaleString('en')} (${Math.round(route.nodeHttpRps).toLocaleString('en')}: ${Math.round(share * 100)} %)`,
      target: '≥ 40 % of node:http',
      met: share >= 0.4,
    });
  }
  for (const route of sandbox.rows) {
    if (route.jsonServerRps === null) continue;
    const times = route.sandboxRps / route.jsonServerRps;
    rows.push({
      figure: `sandbox vs json-server 0.17, ${route.route}`,
      now: `×${times.toFixed(1)}`,
      target: '≥ ×10',
      met: times >= 10,
    });
  }
  if (ui.deepPermalink) {
    const { depth: back, ms, pageRequests } = ui.deepPermalink;
    rows.push({
      figure: `opening a permalink to message #${back.toLocaleString('en')} of a conversation`,
      now: `${Math.round(ms)} ms, ${pageRequests} requests`,
      target: '≤ 500 ms',
      met: ms <= 500,
    });
  }
  for (const row of lighthouse) {
    const scores = `performance ${row.performance}, accessibility ${row.accessibility}, best practices ${row.bestPractices}`;
    const metrics = `FCP ${(row.fcpMs / 1000).toFixed(1)} s, LCP ${(row.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(row.tbtMs)} ms, CLS ${row.cls.toFixed(3)}`;
    const mobile = row.formFactor === 'mobile';
    rows.push({
      figure: `Lighthouse 12.8 ${row.formFactor}, ${row.colorScheme}`,
      now: `${scores}; ${metrics}`,
      target: mobile ? 'performance ≥ 95, LCP ≤ 2.5 s' : '100 / 100 / 100',
      met: mobile
        ? row.performance >= 95 && row.lcpMs <= 2_500
        : row.performance === 100 && row.accessibility === 100 && row.bestPractices === 100,
    });
  }
  return rows;
}

const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'missed');
const width = (pick: (f: Figure) => string, title: string) =>
  Math.max(title.length, ...figures.map((f) => pick(f).length));
const columns: [string, (f: Figure) => string][] = [
  ['figure', (f) => f.figure],
  ['now', (f) => f.now],
  ['target', (f) => f.target],
  ['', (f) => verdict(f.met)],
];
const widths = columns.map(([title, pick]) => width(pick, title));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
console.log(`\n${line(columns.map(([title]) => title))}`);
for (const figure of figures) console.log(line(columns.map(([, pick]) => pick(figure))));
console.log(`\nSandbox beside its peers (${sandbox.seconds} s a route, ${sandbox.connections} connections):`);
console.log(TABLE_HEADER);
for (const row of sandbox.rows) console.log(formatRow(row));
for (const note of sandbox.notes) console.log(`note: ${note}`);
if (lighthouse.length) console.log(`\n${formatRows(lighthouse)}`);

// BENCHMARKS.md: the figures, the machine, the date and the command.
const chromium = (() => {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium';
  }
})();
const md = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
const markdown = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}, ${chromium}. ` +
    `The demo data (${seedMessages.toLocaleString('en')} messages; the longest conversation ${big.n.toLocaleString('en')}), ` +
    'the inbox server as `npm start` runs it, loopback only. A browser at 1280×800; times run from the click to the ' +
    'frame in which the newest message is on screen and not hidden.',
  '',
  md(['figure', 'now', 'target', '']),
  md(['---', '---', '---', '---']),
  ...figures.map((f) => md([f.figure, f.now, f.target, verdict(f.met)])),
  '',
  `## The sandbox beside its peers`,
  '',
  `Requests a second, autocannon with ${sandbox.connections} connections, ${sandbox.seconds} s a route after a warm-up, all in one run: ` +
    'the sandbox; a bare `node:http` server replaying the sandbox’s own bytes for the route; json-server 0.17.4 serving ' +
    `the same ${sandbox.messages.toLocaleString('en')} messages exported to a db.json; a Prism 5.14 mock of the sandbox’s \`/sandbox/openapi.json\`.`,
  '',
  md([
    'route',
    'bytes',
    'sandbox',
    'node:http',
    'share of node:http',
    'json-server',
    'sandbox ÷ json-server',
    'Prism',
    'sandbox ÷ Prism',
  ]),
  md(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ...sandbox.rows.map((r) =>
    md([
      r.route,
      r.bytes.toLocaleString('en'),
      Math.round(r.sandboxRps).toLocaleString('en'),
      Math.round(r.nodeHttpRps).toLocaleString('en'),
      `${Math.round((100 * r.sandboxRps) / r.nodeHttpRps)} %`,
      r.jsonServerRps === null ? '—' : Math.round(r.jsonServerRps).toLocaleString('en'),
      r.jsonServerRps === null ? '—' : `×${(r.sandboxRps / r.jsonServerRps).toFixed(1)}`,
      r.prismRps === null ? '—' : Math.round(r.prismRps).toLocaleString('en'),
      r.prismRps === null ? '—' : `×${(r.sandboxRps / r.prismRps).toFixed(1)}`,
    ]),
  ),
  ...sandbox.notes.map((note) => `\n${note}`),
  '',
  ...(lighthouse.length
    ? [
        '## Lighthouse',
        '',
        'Lighthouse 12.8 on the built app served by the inbox server, with Debian’s Chromium; mobile is its default ' +
          '(simulated slow 4G, 4× CPU slowdown), desktop its desktop preset.',
        '',
        md([
          'form factor',
          'theme',
          'performance',
          'accessibility',
          'best practices',
          'FCP',
          'LCP',
          'TBT',
          'CLS',
          'findings',
        ]),
        md(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']),
        ...lighthouse.map((r) =>
          md([
            r.formFactor,
            r.colorScheme,
            String(r.performance),
            String(r.accessibility),
            String(r.bestPractices),
            `${(r.fcpMs / 1000).toFixed(1)} s`,
            `${(r.lcpMs / 1000).toFixed(1)} s`,
            `${Math.round(r.tbtMs)} ms`,
            r.cls.toFixed(3),
            r.findings.join(', ') || 'none',
          ]),
        ),
        '',
      ]
    : []),
  'Other figures: `npm run bench:scale` (a 1,000,000-message database: routes, downloads, scrolling), ' +
    '`npm run bench:live` (live updates), `npm run bench:people` (the people directory).',
  '',
].join('\n');
writeFileSync('BENCHMARKS.md', markdown);
console.log('\nWritten: BENCHMARKS.md');
