/**
 * The servers `scripts/bench-sandbox.ts` measures the sandbox against: a bare node:http server replaying the
 * sandbox's own answers, json-server and a Prism mock. The peers are fetched on demand, at pinned versions, into
 * data/bench/peers: they are never dependencies of the project.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Where the sandbox's Messaging API lives on its server. */
export const SANDBOX = '/sandbox/unified/messaging';

export const PEERS_DIR = new URL('../data/bench/peers/', import.meta.url).pathname;

export interface Peer {
  name: string;
  version: string;
  /** The package's command-line entry, relative to its package folder. */
  bin: string;
}

export const JSON_SERVER: Peer = { name: 'json-server', version: '0.17.4', bin: 'lib/cli/bin.js' };
export const PRISM: Peer = { name: '@stoplight/prism-cli', version: '5.14.2', bin: 'dist/index.js' };

const packageDir = (peer: Peer) => join(PEERS_DIR, 'node_modules', peer.name);

function installedVersion(peer: Peer): string | null {
  const file = join(packageDir(peer), 'package.json');
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The peer's entry script, installing its pinned version first if needed; throws with npm's reason when it cannot. */
export function ensurePeer(peer: Peer): string {
  if (installedVersion(peer) !== peer.version) {
    mkdirSync(PEERS_DIR, { recursive: true });
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        PEERS_DIR,
        '--save-exact',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${peer.name}@${peer.version}`,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    if (npm.status !== 0 || installedVersion(peer) !== peer.version) {
      const reason = (npm.stderr || npm.error?.message || `exit ${npm.status}`).trim().split('\n').slice(-3).join(' ');
      throw new Error(`npm install ${peer.name}@${peer.version} failed: ${reason}`);
    }
  }
  return join(packageDir(peer), peer.bin);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines the process wrote to stderr, to say why it failed. */
  errors: string[];
}

/** Every process started here, so that none outlives the benchmark even when it fails. */
const running = new Set<Child>();

export function startChild(name: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child: Child = {
    name,
    process: spawn(process.execPath, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] }),
    errors: [],
  };
  child.process.stderr!.setEncoding('utf8').on('data', (text: string) => {
    child.errors.push(...text.split('\n').filter(Boolean));
    child.errors.splice(0, Math.max(0, child.errors.length - 5));
  });
  running.add(child);
  child.process.once('exit', () => running.delete(child));
  return child;
}

/** Waits until `url` answers at all (any status), or fails when the process exits or `timeoutMs` passes. */
export async function waitForHttp(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited: ${child.errors.join(' ') || `code ${child.process.exitCode}`}`);
    }
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(2_000) })).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${child.name} did not answer within ${timeoutMs / 1000} s`);
}

/** The inbox server on a database, as `npm start` runs it, once it answers. */
export async function startInbox(dbPath: string, apiKey: string): Promise<{ child: Child; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = startChild('inbox', ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_DB: dbPath,
      SANDBOX_API_KEY: apiKey,
    },
  });
  await waitForHttp(child, `${base}/healthz`);
  return { child, base };
}

/** Stops one process by its id: SIGTERM, then SIGKILL if it is still there after 3 s. */
export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopChild));
}

/** For `process.on('exit')`: signals what is still running, synchronously. */
export function killAllNow(): void {
  for (const child of running) child.process.kill('SIGKILL');
}

/**
 * A bare node:http server that answers each path with the bytes recorded for it, with the same content type and
 * length: the ceiling for a Node server sending those answers on this machine.
 */
const REPLAY_SERVER = `
const http = require('node:http');
const routes = new Map(
  JSON.parse(require('node:fs').readFileSync(process.env.REPLAY_FILE, 'utf8')).map((r) => [
    r.path,
    { body: Buffer.from(r.body), headers: { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) } },
  ]),
);
http
  .createServer((req, res) => {
    const route = routes.get(req.url);
    if (route === undefined) return res.writeHead(404).end();
    res.writeHead(200, route.headers).end(route.body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

export interface Recorded {
  path: string;
  contentType: string;
  body: string;
}

export function startReplayServer(file: string, port: number): Child {
  return startChild('node:http', ['-e', REPLAY_SERVER], {
    env: { PATH: process.env.PATH, REPLAY_FILE: file, PORT: String(port) },
  });
}

/** Every record of a sandbox list, page after page. */
async function readAll<T>(base: string, path: string, headers: Record<string, string>): Promise<T[]> {
  const records: T[] = [];
  let next: string | null = null;
  do {
    const url = `${base}${path}?page_size=100${next ? `&next=${encodeURIComponent(next)}` : ''}`;
    const page = (await (await fetch(url, { headers })).json()) as { data: T[]; next: string | null };
    records.push(...page.data);
    next = page.next;
  } while (next);
  return records;
}

/** The account's conversations, messages (newest first, with their conversation's id) and users, as json-server's db. */
export async function exportDb(base: string, headers: Record<string, string>) {
  const conversations = await readAll<{ id: string }>(base, `${SANDBOX}/conversations`, headers);
  const messages: object[] = [];
  for (const conversation of conversations) {
    const page = await readAll<object>(base, `${SANDBOX}/conversations/${conversation.id}/messages`, headers);
    messages.push(...page.map((message) => ({ ...message, conversation_id: conversation.id })));
  }
  const users = await readAll<object>(base, `${SANDBOX}/users`, headers);
  return { conversations, messages, users };
}
