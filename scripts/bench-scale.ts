/**
 * `npm run bench:scale`: builds a 1,000,000-message sandbox database, starts the inbox server on it and
 * prints seed time, per-route latency (p50/p99) and throughput on loopback, and the server's memory.
 * Options: --messages N (default 1,000,000), --seconds S per route (default 8), --reuse (keep an existing DB).
 */
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodeCursor } from '../src/server/sandbox/cursor';
import { killAllNow, startInbox } from './bench-sandbox-peers';
import { ensureHugeFile, measureBffDownload, memoryOf, type BenchFile } from './bench-downloads';
import { deepMessageOf, measureUi, openTargets } from './bench-ui';
import { progressBar } from '../src/server/sandbox/seed/progress';
import { seedFile } from '../src/server/sandbox/seed/seed-file';
import { openDb } from '../src/server/sandbox/store/db';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    reuse: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const dbPath = `data/bench/sandbox-${messages}.db`;
const key = 'bench_key';

// 0. The app the server serves must be the current build.
spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

// 1. Seed.
let seedSeconds: number | null = null;
if (!values.reuse || !existsSync(dbPath)) {
  const started = performance.now();
  seedFile(dbPath, { messages, onProgress: progressBar('messages') });
  seedSeconds = (performance.now() - started) / 1000;
}

// 2. Pick the records the routes will read.
const db = openDb(dbPath);
const account = db.prepare('SELECT id FROM accounts ORDER BY created_at LIMIT 1').get() as { id: string };
const big = db
  .prepare(
    'SELECT c.pk, c.id, (SELECT count(*) FROM messages m WHERE m.conversation_pk = c.pk) AS n FROM conversations c WHERE c.account_id = ? ORDER BY n DESC LIMIT 1',
  )
  .get(account.id) as { pk: number; id: string; n: number };
const middle = db
  .prepare('SELECT seq FROM messages WHERE conversation_pk = ? ORDER BY seq LIMIT 1 OFFSET ?')
  .get(big.pk, Math.floor(big.n / 2)) as { seq: number };
const largestDemoFile = db
  .prepare(
    `SELECT m.id AS message, a.id AS attachment, a.file_name AS name, b.size AS size FROM attachments a
     JOIN blobs b ON b.pk = a.blob_pk JOIN messages m ON m.seq = a.message_seq
     WHERE a.account_id = ? AND a.file_name <> 'warehouse-backup.bin' ORDER BY b.size DESC LIMIT 1`,
  )
  .get(account.id) as BenchFile | undefined;
const hugeFile = ensureHugeFile(db, account.id, big.pk);
const message = db
  .prepare('SELECT id FROM messages WHERE conversation_pk = ? ORDER BY seq DESC LIMIT 1 OFFSET 500')
  .get(big.pk) as { id: string };
const deep = deepMessageOf(db, big);
db.close();

// 3. Start the server in its own process, as `npm start` runs it.
const { child: server, base } = await startInbox(dbPath, key);
// Whatever happens below, the server does not outlive the benchmark.
process.on('exit', killAllNow);
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});

const headers = {
  authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
  'x-account-id': account.id,
};
const routes = [
  { name: 'list conversations', path: '/sandbox/unified/messaging/conversations' },
  { name: 'list messages, first page', path: `/sandbox/unified/messaging/conversations/${big.id}/messages` },
  {
    name: `list messages, deep page (${Math.floor(big.n / 2).toLocaleString('en')} in)`,
    path: `/sandbox/unified/messaging/conversations/${big.id}/messages?next=${encodeCursor('messages', [middle.seq])}`,
  },
  { name: 'get message', path: `/sandbox/unified/messaging/messages/${message.id}` },
];

console.log(
  `\nSandbox benchmark: ${messages.toLocaleString('en')} messages; biggest conversation ${big.n.toLocaleString('en')} messages`,
);
if (seedSeconds !== null) console.log(`seed time: ${seedSeconds.toFixed(1)} s`);
console.log(`autocannon: ${connections} connections, ${seconds} s per route, loopback, page_size 25\n`);
console.log('route'.padEnd(44), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'req/s'.padStart(8), 'errors'.padStart(7));
for (const route of routes) {
  // Warm up, then measure.
  await autocannon({ url: base + route.path, headers, connections, duration: 1 });
  const result = await autocannon({ url: base + route.path, headers, connections, duration: seconds });
  const failures = result.non2xx + result.errors + result.timeouts;
  console.log(
    route.name.padEnd(44),
    result.latency.p50.toFixed(1).padStart(7),
    result.latency.p99.toFixed(1).padStart(7),
    Math.round(result.requests.average).toString().padStart(8),
    String(failures).padStart(7),
  );
}
const memory = memoryOf(server.process.pid!);
console.log(`\nserver RSS after the routes: ${memory.rssMb.toFixed(0)} MB now, ${memory.peakMb.toFixed(0)} MB peak`);

// Downloads through the BFF, one file at a time at full speed: throughput, and the server's memory meanwhile.
console.log('');
for (const file of [largestDemoFile, hugeFile]) {
  if (!file) continue;
  const figure = await measureBffDownload(base, account.id, server.process.pid!, file);
  console.log(
    `download through the BFF, ${file.name} (${(file.size / 1e6).toFixed(1)} MB): ${figure.mbPerSecond.toFixed(0)} MB/s; ` +
      `server RSS ${figure.rssBeforeMb.toFixed(0)} MB before, ${figure.peakIsLifetime ? 'lifetime peak' : 'peak during'} ${figure.peakMb.toFixed(0)} MB`,
  );
}
// UI figures in Chromium: opening conversations (cold, then cached) and scrolling 1,000 messages.
const others = (await (
  await fetch(`${base}/sandbox/unified/messaging/conversations?page_size=6&fields=id`, { headers })
).json()) as {
  data: { id: string }[];
};
const ids = others.data
  .map((c) => c.id)
  .filter((id) => id !== big.id)
  .slice(0, 5);
const [bigTarget] = await openTargets(base, headers, [big.id]);
const ui = await measureUi(base, account.id, await openTargets(base, headers, ids), bigTarget!, hugeFile, deep);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (${values.length} conversations)`;
console.log('\nUI in Chromium (1280×800):');
console.log(`click → newest message on screen, first open: ${fmt(ui.coldOpenMs)}`);
console.log(`click → newest message on screen, revisit:    ${fmt(ui.cachedSwitchMs)}`);
console.log(
  `scrolling up through ${ui.messagesScrolled} messages: ${ui.longTasksOver50} long tasks over 50 ms${ui.longTasksOver50 ? ` (longest ${ui.longestTaskMs.toFixed(0)} ms)` : ''}, at most ${ui.maxMountedRows} rows mounted`,
);
console.log(`initial JS: ${ui.initialJsGzipKb.toFixed(1)} KB gzip`);
if (ui.deepPermalink) {
  const { depth: back, ms, pageRequests } = ui.deepPermalink;
  console.log(
    `permalink to message #${back.toLocaleString('en')} (fresh page load → on screen): ${ms.toFixed(0)} ms, ${pageRequests} page requests`,
  );
}
if (ui.download) {
  const { name, bytes, seconds, peakBuffersMb } = ui.download;
  console.log(
    `download in the app, ${name} (${(bytes / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s (${(bytes / 1e6 / seconds).toFixed(0)} MB/s), ` +
      `page buffers peak ${peakBuffersMb.toFixed(0)} MB`,
  );
}
server.process.kill('SIGTERM');
