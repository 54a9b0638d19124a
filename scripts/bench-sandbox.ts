/**
 * `node --import tsx scripts/bench-sandbox.ts [--seconds 3] [--rounds 1] [--connections 10] [--no-peers]`: the
 * sandbox's throughput on its read routes, side by side with a bare node:http server sending the same bytes,
 * json-server serving the same messages and a Prism mock of the sandbox's own OpenAPI document. Seeds the default
 * demo data into a temporary file, runs the server as `npm start` does, and stops every process it started.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/server/config';
import { seedFile } from '../src/server/sandbox/seed/seed-file';
import {
  SANDBOX,
  type Child,
  ensurePeer,
  exportDb,
  freePort,
  JSON_SERVER,
  killAllNow,
  type Peer,
  PRISM,
  type Recorded,
  startChild,
  startReplayServer,
  stopAll,
  waitForHttp,
} from './bench-sandbox-peers';

export interface SandboxBenchOptions {
  /** Seconds measured per route and server (default 3), after a warm-up of `warmupSeconds` (default 1). */
  seconds?: number;
  warmupSeconds?: number;
  /** Measure every route on every server this many times and keep the median (default 1). */
  rounds?: number;
  connections?: number;
  /** Measure json-server and Prism too (default true); they are installed on first use. */
  peers?: boolean;
  /** The sandbox's LOG_LEVEL (default warn: the request log off, as in `npm run bench`). */
  logLevel?: string;
  log?: (line: string) => void;
}

/** One route: requests a second on each server. A peer's figure is null when it could not run. */
export interface SandboxBenchRow {
  route: string;
  /** Body bytes of the sandbox's answer; the node:http server replays exactly these. */
  bytes: number;
  sandboxRps: number;
  nodeHttpRps: number;
  jsonServerRps: number | null;
  jsonServerBytes: number | null;
  prismRps: number | null;
  prismBytes: number | null;
}

export interface SandboxBenchResult {
  /** Messages of the benchmark's account, all of them exported to json-server. */
  messages: number;
  seconds: number;
  rounds: number;
  connections: number;
  rows: SandboxBenchRow[];
  /** Why a peer has no figures (not installed, did not start, answered errors). */
  notes: string[];
}

const KEY = 'bench_key';

interface Route {
  name: string;
  /** Path under /unified/messaging, as the sandbox and the Prism mock serve it. */
  path: string;
  /** The same question to json-server, or null when it has none. */
  jsonServer: string | null;
}

interface Target {
  name: 'sandbox' | 'node:http' | 'json-server' | 'prism';
  base: string;
  path: (route: Route) => string | null;
}

type Settings = Required<SandboxBenchOptions>;

const warm = (url: string, headers: Record<string, string>, options: Settings) =>
  autocannon({ url, headers, connections: options.connections, duration: options.warmupSeconds });

async function measure(url: string, headers: Record<string, string>, options: Settings) {
  await warm(url, headers, options);
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.seconds });
  return { rps: Math.round(result.requests.average), failures: result.non2xx + result.errors + result.timeouts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** json-server on the exported db.json and Prism on the sandbox's OpenAPI document, both in `dir`: those that start. */
async function startPeers(dir: string, messages: number, notes: string[], log: (line: string) => void) {
  const targets: Target[] = [];
  try {
    log(`starting json-server ${JSON_SERVER.version} (${messages.toLocaleString('en')} messages) …`);
    const base = await startPeer(
      JSON_SERVER,
      (port) => ['db.json', '--host', '127.0.0.1', '--port', String(port), '--quiet', '--read-only'],
      dir,
      '/users/none',
    );
    targets.push({ name: 'json-server', base, path: (route) => route.jsonServer });
  } catch (error) {
    notes.push(`json-server ${JSON_SERVER.version}: ${(error as Error).message}`);
  }
  try {
    log(`starting Prism ${PRISM.version} on the sandbox's /sandbox/openapi.json …`);
    const base = await startPeer(
      PRISM,
      (port) => ['mock', 'openapi.json', '-h', '127.0.0.1', '-p', String(port), '-v', 'warn'],
      dir,
      '/',
    );
    targets.push({ name: 'prism', base, path: (route) => `/unified/messaging${route.path}` });
  } catch (error) {
    notes.push(`Prism ${PRISM.version}: ${(error as Error).message}`);
  }
  return targets;
}

/** The first account, its busiest conversation and a message 500 back in it: what the routes read. */
function pickRecords(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const account = db.prepare('SELECT id FROM accounts ORDER BY created_at, id LIMIT 1').get() as { id: string };
    const { messages } = db
      .prepare('SELECT count(*) AS messages FROM messages WHERE account_id = ?')
      .get(account.id) as { messages: number };
    const big = db
      .prepare(
        `SELECT c.pk, c.id, (SELECT count(*) FROM messages m WHERE m.conversation_pk = c.pk) AS n
         FROM conversations c WHERE c.account_id = ? ORDER BY n DESC LIMIT 1`,
      )
      .get(account.id) as { pk: number; id: string };
    const message = db
      .prepare('SELECT id FROM messages WHERE conversation_pk = ? ORDER BY seq DESC LIMIT 1 OFFSET 500')
      .get(big.pk) as { id: string };
    return { account, big, message, messages };
  } finally {
    db.close();
  }
}

async function startPeer(peer: Peer, args: (port: number) => string[], cwd: string, probe: string) {
  const entry = ensurePeer(peer);
  const port = await freePort();
  const child: Child = startChild(peer.name, [entry, ...args(port)], { cwd, env: { PATH: process.env.PATH } });
  await waitForHttp(child, `http://127.0.0.1:${port}${probe}`);
  return `http://127.0.0.1:${port}`;
}

export async function benchSandbox(input: SandboxBenchOptions = {}): Promise<SandboxBenchResult> {
  const options: Settings = {
    seconds: 3,
    warmupSeconds: 1,
    rounds: 1,
    connections: 10,
    peers: true,
    logLevel: 'warn',
    log: (line) => console.log(line),
    ...input,
  };
  const { log } = options;
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
  // Also on Ctrl-C or an uncaught error: no process and no temporary file outlives the benchmark.
  const cleanUp = () => {
    killAllNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  try {
    // 1. The demo data `npm start` seeds, and the records the routes read.
    const dbPath = join(dir, 'sandbox.db');
    seedFile(dbPath, { messages: readConfig({}).seedMessages });
    const { account, big, message, messages } = pickRecords(dbPath);

    // 2. The sandbox, as `npm start` runs it.
    const sandboxPort = await freePort();
    const sandboxBase = `http://127.0.0.1:${sandboxPort}`;
    const sandbox = startChild('sandbox', ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HOST: '127.0.0.1',
        PORT: String(sandboxPort),
        LOG_LEVEL: options.logLevel,
        SANDBOX_DB: dbPath,
        SANDBOX_API_KEY: KEY,
      },
    });
    await waitForHttp(sandbox, `${sandboxBase}/healthz`);
    const headers = { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`, 'x-account-id': account.id };

    const routes: Route[] = [
      { name: 'list conversations', path: '/conversations', jsonServer: '/conversations?_page=1&_limit=25' },
      {
        name: 'thread page (25)',
        path: `/conversations/${big.id}/messages`,
        jsonServer: `/messages?conversation_id=${big.id}&_page=1&_limit=25`,
      },
      { name: 'get message', path: `/messages/${message.id}`, jsonServer: `/messages/${message.id}` },
      { name: 'list users', path: '/users', jsonServer: '/users?_page=1&_limit=25' },
    ];

    // 3. The sandbox's own answers, replayed byte for byte by a bare node:http server.
    const recorded: Recorded[] = [];
    for (const route of routes) {
      const response = await fetch(`${sandboxBase}${SANDBOX}${route.path}`, { headers });
      if (!response.ok) throw new Error(`the sandbox answered ${response.status} to ${route.path}`);
      recorded.push({
        path: route.path,
        contentType: response.headers.get('content-type')!,
        body: await response.text(),
      });
    }
    const replayFile = join(dir, 'replay.json');
    writeFileSync(replayFile, JSON.stringify(recorded));
    const replayPort = await freePort();
    const replay = startReplayServer(replayFile, replayPort);
    await waitForHttp(replay, `http://127.0.0.1:${replayPort}/`);

    const targets: Target[] = [
      { name: 'sandbox', base: sandboxBase, path: (route) => SANDBOX + route.path },
      { name: 'node:http', base: `http://127.0.0.1:${replayPort}`, path: (route) => route.path },
    ];
    const notes: string[] = [];

    // 4. The peers, each optional: the bench says why one is missing and goes on.
    if (options.peers) {
      const exported = await exportDb(sandboxBase, headers);
      if (exported.messages.length !== messages) {
        throw new Error(`exported ${exported.messages.length} of the account's ${messages} messages`);
      }
      writeFileSync(join(dir, 'db.json'), JSON.stringify(exported));
      writeFileSync(join(dir, 'openapi.json'), await (await fetch(`${sandboxBase}/sandbox/openapi.json`)).text());
      targets.push(...(await startPeers(dir, messages, notes, log)));
    }

    // 5. What each server answers to each route; a peer that answers an error is left out of the figures.
    const runs: { route: number; target: Target; url: string; bytes: number; rps: number[] }[] = [];
    for (const [i, route] of routes.entries()) {
      for (const target of targets) {
        const path = target.path(route);
        if (path === null) continue;
        const probe = await fetch(target.base + path, { headers });
        const bytes = (await probe.arrayBuffer()).byteLength;
        if (probe.ok) runs.push({ route: i, target, url: target.base + path, bytes, rps: [] });
        else if (target.name === 'sandbox') throw new Error(`the sandbox answered ${probe.status} to ${path}`);
        else notes.push(`${target.name}, ${route.name}: answered ${probe.status}, not measured`);
      }
    }

    // 6. A first pass over everything, so that no server is measured while its code is still being compiled; then
    // each route on each server in turn, `rounds` times, keeping the median.
    log(
      `autocannon: ${options.connections} connections, loopback; per route and server ${options.warmupSeconds} s ` +
        `warm-up + ${options.seconds} s, ${options.rounds} round(s), median`,
    );
    for (const run of runs) await warm(run.url, headers, options);
    for (let round = 0; round < options.rounds; round++) {
      for (const run of runs) {
        const { rps, failures } = await measure(run.url, headers, options);
        if (failures > 0) notes.push(`${run.target.name}, ${routes[run.route]!.name}: ${failures} failed requests`);
        run.rps.push(rps);
      }
    }
    log(TABLE_HEADER);
    const rows = routes.map((route, i): SandboxBenchRow => {
      const figure = (name: Target['name']) => {
        const run = runs.find((r) => r.route === i && r.target.name === name);
        return run ? { rps: median(run.rps), bytes: run.bytes } : null;
      };
      const [jsonServer, prism] = [figure('json-server'), figure('prism')];
      const row = {
        route: route.name,
        bytes: Buffer.byteLength(recorded[i]!.body),
        sandboxRps: figure('sandbox')!.rps,
        nodeHttpRps: figure('node:http')!.rps,
        jsonServerRps: jsonServer?.rps ?? null,
        jsonServerBytes: jsonServer?.bytes ?? null,
        prismRps: prism?.rps ?? null,
        prismBytes: prism?.bytes ?? null,
      };
      log(formatRow(row));
      return row;
    });
    const { seconds, rounds, connections } = options;
    return { messages, seconds, rounds, connections, rows, notes };
  } finally {
    await stopAll();
    process.off('exit', cleanUp);
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number | null) => (b ? `x${(a / b).toFixed(1)}` : '—');
const count = (n: number | null) => (n === null ? '—' : n.toLocaleString('en'));

export const TABLE_HEADER = [
  'route'.padEnd(20),
  'bytes'.padStart(7),
  'sandbox'.padStart(8),
  'node:http'.padStart(9),
  '% of http'.padStart(9),
  'json-server'.padStart(11),
  'vs json'.padStart(7),
  'prism'.padStart(7),
  'vs prism'.padStart(8),
].join(' ');

/** One line of the printed table: requests a second and the sandbox's ratios to each peer. */
export function formatRow(row: SandboxBenchRow): string {
  return [
    row.route.padEnd(20),
    count(row.bytes).padStart(7),
    count(row.sandboxRps).padStart(8),
    count(row.nodeHttpRps).padStart(9),
    `${Math.round((100 * row.sandboxRps) / row.nodeHttpRps)} %`.padStart(9),
    count(row.jsonServerRps).padStart(11),
    ratio(row.sandboxRps, row.jsonServerRps).padStart(7),
    count(row.prismRps).padStart(7),
    ratio(row.sandboxRps, row.prismRps).padStart(8),
  ].join(' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '1' },
      connections: { type: 'string', default: '10' },
      'log-level': { type: 'string', default: 'warn' },
      'no-peers': { type: 'boolean', default: false },
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  console.log('Sandbox against peers: requests a second on loopback (higher is better)');
  const result = await benchSandbox({
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    connections: Number(values.connections),
    logLevel: values['log-level'],
    peers: !values['no-peers'],
    log: (line) => console.log(line),
  });
  console.log(`json-server held ${result.messages.toLocaleString('en')} messages of the same account.`);
  console.log('Answer sizes in bytes (sandbox / json-server / Prism, whose mock answers are schema examples):');
  for (const row of result.rows) {
    console.log(`  ${row.route}: ${[row.bytes, row.jsonServerBytes, row.prismBytes].map(count).join(' / ')}`);
  }
  for (const note of result.notes) console.log(`note: ${note}`);
}
