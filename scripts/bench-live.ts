/**
 * `npm run bench:live` (also the last part of `npm run bench`): the inbox in StackOne mode against a stand-in for
 * StackOne (a second sandbox) behind a request counter, with many viewers holding event streams. Prints the
 * upstream requests a minute for 1, 10, 50, 100 and 1,000 viewers over the first page of conversations, a newcomer's first-screen
 * cost, delivery latency (p50/p99) to every viewer of a conversation, and the inbox's memory holding 1,000 and
 * 10,000 streams. Options: --window S seconds counted per phase (default 60: the budget is a minute), --streams N
 * for the memory run. The latency run comes first, on a fresh minute of the budget.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type IncomingMessage, request as httpRequest, createServer as createHttpServer, Agent } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { window: { type: 'string', default: '60' }, streams: { type: 'string', default: '10000' } },
});
const windowSeconds = Number(values.window);
const KEY = 'bench_live_key';
const auth = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

const children: ChildProcess[] = [];
function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-live-'));
const [standInPort, counterPort, inboxPort] = [await freePort(), await freePort(), await freePort()];
const standIn = `http://127.0.0.1:${standInPort}`;
const inbox = `http://127.0.0.1:${inboxPort}`;

// The stand-in for StackOne, and a counter in front of it that the inbox talks to.
startServer({
  PORT: String(standInPort),
  SANDBOX_DB: join(dir, 'standin.db'),
  SANDBOX_API_KEY: KEY,
  SANDBOX_SEED_MESSAGES: '6000',
});
await waitFor(`${standIn}/healthz`);
let upstreamRequests = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const counter = createHttpServer((req, res) => {
  upstreamRequests++;
  const forward = httpRequest(
    { host: '127.0.0.1', port: standInPort, path: req.url, method: req.method, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on('error', () => res.writeHead(502).end());
  req.pipe(forward);
});
await new Promise<void>((resolve) => counter.listen(counterPort, '127.0.0.1', resolve));

const inboxProcess = startServer({
  PORT: String(inboxPort),
  SANDBOX_DB: join(dir, 'inbox.db'),
  SANDBOX_SEED_MESSAGES: '0',
  STACKONE_API_KEY: KEY,
  STACKONE_BASE_URL: `http://127.0.0.1:${counterPort}/sandbox`,
  API_RATE_LIMIT: '0',
  API_WRITE_RATE_LIMIT: '0',
  API_SESSIONLESS_RATE_LIMIT: '0',
});
await waitFor(`${inbox}/healthz`);

const accounts = (await (await fetch(`${standIn}/sandbox/accounts`, { headers: { authorization: auth } })).json()) as {
  id: string;
  origin_username: string;
}[];
const account = accounts[0]!.id;
const list = (await (
  await fetch(`${standIn}/sandbox/unified/messaging/conversations?page_size=50`, {
    headers: { authorization: auth, 'x-account-id': account },
  })
).json()) as { data: { id: string; name?: string | null; participants?: string[] }[] };
const conversations = list.data.map((c) => c.id);
/** The people the first screen names: those of the conversations without a name, as the list looks them up. */
const named = [...new Set(list.data.flatMap((c) => (c.name ? [] : (c.participants ?? []))))].slice(0, 100);

async function newSession(): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${inbox}/api/inbox/session`);
  return {
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

interface Viewer {
  conversation: string;
  /** When each message id reached this viewer. */
  arrivals: Map<string, number>;
  ready: Promise<void>;
  close(): void;
}

const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });
function openViewer(cookie: string, conversation: string): Viewer {
  const arrivals = new Map<string, number>();
  let response: IncomingMessage | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    const req = httpRequest(
      `${inbox}/api/inbox/events?account=${account}&conversation=${conversation}`,
      { headers: { cookie }, agent: streamAgent },
      (res) => {
        response = res;
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith('event: ready')) resolve();
            if (!block.startsWith('event: message')) continue;
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            const id = data ? (JSON.parse(data.slice(6)) as { data: { id: string } }).data.id : null;
            if (id && !arrivals.has(id)) arrivals.set(id, performance.now());
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
  return { conversation, arrivals, ready, close: () => response?.destroy() };
}

async function openViewers(count: number): Promise<Viewer[]> {
  const viewers: Viewer[] = [];
  for (let i = 0; i < count; i += 200) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, async (_, j) => {
        const { cookie } = await newSession();
        return openViewer(cookie, conversations[(i + j) % conversations.length]!);
      }),
    );
    await Promise.all(batch.map((viewer) => viewer.ready));
    viewers.push(...batch);
  }
  return viewers;
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

// 1. Delivery latency to every viewer of a conversation: 100 viewers on 10 conversations.
async function deliveries(
  viewers: Viewer[],
  send: (conversation: string, text: string) => Promise<string>,
  rounds: number,
) {
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const conversation = conversations[round % 10]!;
    const watching = viewers.filter((viewer) => viewer.conversation === conversation);
    const started = performance.now();
    const id = await send(conversation, `bench ${round} ${Date.now()}`);
    const deadline = started + 15_000;
    while (performance.now() < deadline && !watching.every((viewer) => viewer.arrivals.has(id))) await sleep(10);
    for (const viewer of watching) latencies.push((viewer.arrivals.get(id) ?? deadline) - started);
    // At a random moment of the follow interval, so the probe does not fall into step with the sync.
    await sleep(200 + Math.random() * 2_000);
  }
  return latencies.sort((a, b) => a - b);
}
const latencyViewers: Viewer[] = [];
for (let i = 0; i < 100; i++) {
  const { cookie } = await newSession();
  latencyViewers.push(openViewer(cookie, conversations[i % 10]!));
}
await Promise.all(latencyViewers.map((viewer) => viewer.ready));
await sleep(2_500);
const sender = await newSession();
const throughInbox = await deliveries(
  latencyViewers,
  async (conversation, text) => {
    const response = await fetch(`${inbox}/api/unified/messaging/messages`, {
      method: 'POST',
      headers: {
        cookie: sender.cookie,
        'x-csrf-token': sender.csrfToken,
        'x-account-id': account,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ recipient: conversation, content: text }),
    });
    return ((await response.json()) as { data: { id: string } }).data.id;
  },
  20,
);
const straightUpstream = await deliveries(
  latencyViewers,
  async (conversation, text) => {
    const response = await fetch(`${standIn}/sandbox/unified/messaging/messages`, {
      method: 'POST',
      headers: { authorization: auth, 'x-account-id': account, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: conversation, content: text }),
    });
    return ((await response.json()) as { data: { id: string } }).data.id;
  },
  20,
);
for (const viewer of latencyViewers) viewer.close();
await sleep(1_500);

// 2. Upstream requests a minute by number of viewers, spread over the 50 conversations (at most 50 watched).
const costRows: string[][] = [];
for (const count of [1, 10, 50, 100, 1000]) {
  const viewers = await openViewers(count);
  await sleep(3_000);
  const before = upstreamRequests;
  await sleep(windowSeconds * 1000);
  const perMinute = ((upstreamRequests - before) * 60) / windowSeconds;
  const watched = new Set(viewers.map((viewer) => viewer.conversation)).size;
  costRows.push([String(count), String(watched), perMinute.toFixed(0)]);
  for (const viewer of viewers) viewer.close();
  await sleep(1_500);
}

// 3. A newcomer's first screen on a warm server (10 people already in, who loaded theirs): what the app asks for.
async function firstScreen(cookie: string) {
  const headers = { cookie, 'x-account-id': account };
  await Promise.all([
    fetch(`${inbox}/api/accounts`, { headers: { cookie } }).then((r) => r.arrayBuffer()),
    fetch(`${inbox}/api/unified/messaging/conversations?page_size=50`, { headers }).then((r) => r.arrayBuffer()),
    fetch(`${inbox}/api/inbox/people?email=${encodeURIComponent(accounts[0]!.origin_username)}`, { headers }).then(
      (r) => r.arrayBuffer(),
    ),
    fetch(`${inbox}/api/inbox/people?${named.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`, {
      headers,
    }).then((r) => r.arrayBuffer()),
    fetch(`${inbox}/api/unified/messaging/conversations/${conversations[0]}/messages?page_size=50`, { headers }).then(
      (r) => r.arrayBuffer(),
    ),
  ]);
}
const coldStart = upstreamRequests;
await firstScreen((await newSession()).cookie);
const firstCost = upstreamRequests - coldStart;
const warm = await openViewers(10);
for (let i = 0; i < 9; i++) await firstScreen((await newSession()).cookie);
await sleep(2_000);
const before = upstreamRequests;
await firstScreen((await newSession()).cookie);
const newcomerCost = upstreamRequests - before;
for (const viewer of warm) viewer.close();
await sleep(1_500);

// 4. Memory of the inbox holding many streams.
const memoryRows: string[][] = [[`0`, rssOf(inboxProcess.pid!).toFixed(0)]];
const held: Viewer[] = [];
for (const count of [1000, Number(values.streams)]) {
  held.push(...(await openViewers(count - held.length)));
  await sleep(2_000);
  memoryRows.push([String(count), rssOf(inboxProcess.pid!).toFixed(0)]);
}
for (const viewer of held) viewer.close();

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}
console.log(
  '\nUpstream requests a minute (STACKONE_RATE_LIMIT=1000), viewers spread over the first page of conversations:',
);
table(['viewers', 'conversations viewed', 'upstream requests / min'], costRows);
console.log(
  `\nFirst screen (accounts, conversations, people, the top thread): ${firstCost} upstream requests on a cold server, ` +
    `${newcomerCost} for a newcomer on a warm one`,
);
console.log('\nDelivery to every viewer of a conversation (100 viewers on 10 conversations, 20 messages each way):');
const ms = (value: number) => `${value.toFixed(0)} ms`;
table(
  ['written', 'p50', 'p99', 'max'],
  [
    ['through the inbox', ms(percentile(throughInbox, 50)), ms(percentile(throughInbox, 99)), ms(throughInbox.at(-1)!)],
    [
      'straight upstream',
      ms(percentile(straightUpstream, 50)),
      ms(percentile(straightUpstream, 99)),
      ms(straightUpstream.at(-1)!),
    ],
  ],
);
console.log('\nMemory of the inbox server holding event streams:');
table(['streams', 'RSS MB'], memoryRows);

counter.close();
for (const child of children) child.kill('SIGTERM');
await sleep(500);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
